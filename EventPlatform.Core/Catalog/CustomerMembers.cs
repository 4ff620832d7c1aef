using System.Net.Mail;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog;

/// <summary>An organization's list of customer members (by email): Managers and above keep it.</summary>
public sealed class CustomerMembers(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<CustomerMember>> ListAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.CustomerMembers.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.NormalizedEmail).ToListAsync(ct);
    }

    public async Task<CommandResult<CustomerMember>> AddAsync(Guid organizationId, string? email, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length is 0 or > 256 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
        {
            return CommandResult<CustomerMember>.Failure(new ValidationFailure("Email", UserMessages.MemberEmailInvalid));
        }

        var member = new CustomerMember { OrganizationId = organizationId, Email = trimmed, NormalizedEmail = trimmed.ToUpperInvariant(),
            AddedAt = clock.GetUtcNow() };
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.CustomerMembers.AnyAsync(m => m.OrganizationId == organizationId && m.NormalizedEmail == member.NormalizedEmail, ct))
        {
            return CommandResult<CustomerMember>.Failure(new ValidationFailure("Email", UserMessages.MemberAlreadyListed));
        }

        db.CustomerMembers.Add(member);
        audit.Add(db, grant.UserId, organizationId, AuditActions.CustomerMemberAdded, "CustomerMember", member.Email);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CommandResult<CustomerMember>.Failure(new ValidationFailure("Email", UserMessages.MemberAlreadyListed));
        }

        return CommandResult<CustomerMember>.Success(member);
    }

    public async Task RemoveAsync(Guid organizationId, string normalizedEmail, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var removed = await db.CustomerMembers.Where(m => m.OrganizationId == organizationId && m.NormalizedEmail == normalizedEmail)
            .ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            audit.Add(db, grant.UserId, organizationId, AuditActions.CustomerMemberRemoved, "CustomerMember", normalizedEmail);
            await db.SaveChangesAsync(ct);
        }
    }
}
