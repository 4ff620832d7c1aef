using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>
/// One email of an order as its organizers see it: to whom, what, and whether it arrived.
/// <see cref="NeedsSending"/>: failed, and not replaced by a later email of the same kind that was
/// sent, so "send again" applies.
/// </summary>
public sealed record OrderEmailRow(
    Guid Id,
    string To,
    string Subject,
    OutboxEmailStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? LastError,
    bool NeedsSending);

/// <summary>
/// The emails of an order for its organizers, and "send again" for one the outbox gave up on
/// (after two days of retries: the buyer's mail server refused it or was down). A failed order
/// email is on the organization's "needs attention" list until it is sent, or until a later email
/// of the same kind reached the buyer (the organizer corrected the address and resent the
/// confirmation). Analysts see; Managers send. Sending again is audit-logged.
/// </summary>
public sealed class OrderEmailDelivery(
    IAppDbContextFactory dbFactory,
    OrganizationAccess access,
    CatalogAccess catalogAccess,
    AuditTrail audit,
    IEnumerable<IOutboxWakeUp> wakeUps,
    TimeProvider clock)
{
    private const int ErrorShownLength = 200;

    public async Task<IReadOnlyList<OrderEmailRow>> ForOrderAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Analyst, ct);
        var needsSending = NeedingSending(db).Where(e => e.OrderId == orderId).Select(e => e.Id);
        return await db.OutboxEmails.AsNoTracking()
            .Where(e => e.OrderId == orderId)
            .OrderBy(e => e.CreatedAt)
            .Select(e =>
                new OrderEmailRow(e.Id, e.To, e.Subject, e.Status, e.Attempts, e.CreatedAt, e.SentAt, e.LastError, needsSending.Contains(e.Id)))
            .ToListAsync(ct);
    }

    /// <summary>The organization's failed order emails, as entries of its "needs attention" list.</summary>
    public async Task<IReadOnlyList<AttentionRow>> FailedAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Analyst, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var failed = await (
                from e in NeedingSending(db)
                join o in db.Orders on e.OrderId equals o.Id
                join ev in db.Events on o.EventId equals ev.Id
                where o.OrganizationId == organizationId
                orderby e.CreatedAt
                select new
                {
                    o.Id, o.EventId, ev.Title, o.Number, e.To, e.Subject, e.LastError,
                    Since = e.DeliveryAttempts.Max(a => (DateTimeOffset?)a.AttemptedAt) ?? e.CreatedAt,
                })
            .Take(100)
            .ToListAsync(ct);
        return failed.Select(f => new AttentionRow(f.Id, f.EventId, f.Title, f.Number, f.To, Reason(f.Subject, f.To, f.LastError), f.Since)).ToList();
    }

    /// <summary>
    /// Puts a failed email of the order back into the outbox for one more attempt, to the same
    /// address. False when it is not (or no longer) failed: someone sent it again already.
    /// </summary>
    public async Task<bool> SendAgainAsync(Guid orderId, Guid emailId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var order = await db.Orders.Where(o => o.Id == orderId).Select(o => new { o.EventId, o.OrganizationId, o.Number }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await catalogAccess.RequireEventAsync(db, order.EventId, OrgRole.Manager, ct);
        // Scoped to the order: an id of another order's (or organization's) email changes nothing.
        if (!await RetryFailedEmail.RequeueAsync(db.OutboxEmails.Where(e => e.Id == emailId && e.OrderId == orderId), clock.GetUtcNow(), ct))
        {
            return false;
        }

        audit.Add(db, grant.UserId, order.OrganizationId, AuditActions.OrderEmailRetried, "Order", orderId.ToString(),
            new OrderEmailRetriedDetails(order.Number, emailId));
        await db.SaveChangesAsync(ct);
        RetryFailedEmail.Nudge(wakeUps);
        return true;
    }

    /// <summary>
    /// Order emails the outbox gave up on that no later email of the same kind replaced (one that
    /// reached the buyer): the one place the rule is written, for the list and the order alike.
    /// </summary>
    private static IQueryable<OutboxEmail> NeedingSending(IAppDbContext db) =>
        db.OutboxEmails.AsNoTracking().Where(e => e.OrderId != null && e.Status == OutboxEmailStatus.Failed
            && !db.OutboxEmails.Any(later => later.OrderId == e.OrderId && later.Kind == e.Kind
                                             && later.Status == OutboxEmailStatus.Sent && later.CreatedAt >= e.CreatedAt && later.Id != e.Id));

    private static string Reason(string subject, string to, string? error)
    {
        var reason = $"The email “{subject}” to {to} could not be delivered in two days of tries.";
        if (string.IsNullOrWhiteSpace(error))
        {
            return reason;
        }

        var shown = error.Length > ErrorShownLength ? error[..ErrorShownLength] + "…" : error;
        return $"{reason} Last answer: {shown}";
    }
}
