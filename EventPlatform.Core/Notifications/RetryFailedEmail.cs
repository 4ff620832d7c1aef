using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Notifications;

/// <summary>
/// A platform admin sends a failed email again once the cause is fixed (the mail server is back,
/// the address corrected): it goes back into the outbox, due now, for one more attempt; if that
/// fails too it is failed again, with the new error.
/// </summary>
public sealed class RetryFailedEmail(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit, IEnumerable<IOutboxWakeUp> wakeUps,
    TimeProvider clock)
{
    /// <returns>False when the email is not (or no longer) failed: someone retried it already.</returns>
    public async Task<bool> ExecuteAsync(Guid emailId, CancellationToken ct = default)
    {
        var adminId = await access.RequirePlatformAdminAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        if (!await RequeueAsync(db.OutboxEmails.Where(e => e.Id == emailId), now, ct))
        {
            return false;
        }

        audit.Add(db, adminId, null, AuditActions.EmailRetried, "OutboxEmail", emailId.ToString());
        await db.SaveChangesAsync(ct);
        Nudge(wakeUps);
        return true;
    }

    /// <summary>
    /// Puts the failed email among <paramref name="emails"/> back into the outbox, due now. One
    /// conditional UPDATE, so of two people clicking at once only one succeeds.
    /// </summary>
    internal static async Task<bool> RequeueAsync(IQueryable<OutboxEmail> emails, DateTimeOffset now, CancellationToken ct) =>
        await emails.Where(e => e.Status == OutboxEmailStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Pending).SetProperty(e => e.NextAttemptAt, now), ct) > 0;

    internal static void Nudge(IEnumerable<IOutboxWakeUp> wakeUps)
    {
        foreach (var wakeUp in wakeUps)
        {
            wakeUp.Nudge();
        }
    }
}
