using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>Any signed-in user creates an organization and becomes its Owner; it becomes their current one.</summary>
public sealed class CreateOrganization(IAppDbContextFactory dbFactory, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(string? Name, string? Slug);

    public async Task<CommandResult<Organization>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct) ?? throw new AccessDeniedException(UserMessages.SignInRequired);
        var name = request.Name?.Trim() ?? "";
        var slug = string.IsNullOrWhiteSpace(request.Slug) ? Slug.FromName(name) : request.Slug.Trim();

        var errors = new List<ValidationFailure>();
        if (name.Length is < Organization.NameMinLength or > Organization.NameMaxLength)
        {
            errors.Add(new(nameof(Request.Name), UserMessages.OrganizationNameLength));
        }

        if (!Slug.IsValid(slug))
        {
            errors.Add(new(nameof(Request.Slug), UserMessages.SlugFormat));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Organization>.Failure(errors);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Organizations.AnyAsync(o => o.Slug == slug, ct))
        {
            return CommandResult<Organization>.Failure(new ValidationFailure(nameof(Request.Slug), UserMessages.SlugTaken));
        }

        var now = clock.GetUtcNow();
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name, Slug = slug, CreatedAt = now };
        organization.Members.Add(new OrganizationMember { UserId = userId, Role = OrgRole.Owner, JoinedAt = now });
        db.Organizations.Add(organization);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.CurrentOrganizationId = organization.Id;
        audit.Add(db, userId, organization.Id, AuditActions.OrganizationCreated, "Organization", organization.Id.ToString(),
            new OrganizationNamedDetails(name, slug));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people chose the same address at the same moment; the unique index decided.
            if (await SlugTakenAsync(slug, ct))
            {
                return CommandResult<Organization>.Failure(new ValidationFailure(nameof(Request.Slug), UserMessages.SlugTaken));
            }

            throw;
        }

        return CommandResult<Organization>.Success(organization);
    }

    private async Task<bool> SlugTakenAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Organizations.AnyAsync(o => o.Slug == slug, ct);
    }
}
