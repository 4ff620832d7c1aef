using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Administration;

public sealed record OrganizationSummary(Guid Id, string Name, string Slug, int Members, DateTimeOffset CreatedAt);
public sealed record AuditLine(DateTimeOffset At, string Action, string? Actor, Guid? OrganizationId, string? Target);
public sealed record EmailLogLine(Guid Id, DateTimeOffset CreatedAt, string To, string Subject, OutboxEmailStatus Status, int Attempts,
    string? LastError);

/// <summary>What a platform admin sees first: organizations, user count, and the latest audit and email log lines.</summary>
/// <param name="FailedEmails">Given up on after two days of retries, oldest first: each can be sent again.</param>
public sealed record PlatformOverview(int UserCount, IReadOnlyList<OrganizationSummary> Organizations, IReadOnlyList<AuditLine> RecentAudit,
    IReadOnlyList<EmailLogLine> RecentEmails, IReadOnlyList<EmailLogLine> FailedEmails);

/// <summary>Reads the platform overview; platform admins only.</summary>
public sealed class GetPlatformOverview(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task<PlatformOverview> ExecuteAsync(CancellationToken ct = default)
    {
        await access.RequirePlatformAdminAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var users = await db.Users.CountAsync(ct);
        var organizations = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OrganizationSummary(o.Id, o.Name, o.Slug, o.Members.Count, o.CreatedAt))
            .ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.At).Take(20)
            .Select(a => new AuditLine(
                a.At,
                a.Action,
                a.ActorLabel ?? db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.Email).FirstOrDefault(),
                a.OrganizationId,
                a.TargetType == null ? null : a.TargetType + " " + a.TargetId))
            .ToListAsync(ct);
        var emails = await db.OutboxEmails.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt).Take(20)
            .Select(e => new EmailLogLine(e.Id, e.CreatedAt, e.To, e.Subject, e.Status, e.Attempts, e.LastError))
            .ToListAsync(ct);
        var failed = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.Status == OutboxEmailStatus.Failed)
            .OrderBy(e => e.CreatedAt).Take(50)
            .Select(e => new EmailLogLine(e.Id, e.CreatedAt, e.To, e.Subject, e.Status, e.Attempts, e.LastError))
            .ToListAsync(ct);
        return new PlatformOverview(users, organizations, audit, emails, failed);
    }
}
