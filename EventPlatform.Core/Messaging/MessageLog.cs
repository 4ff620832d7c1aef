using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Messaging;

/// <summary>How a message's emails stand in the outbox: waiting or retrying, sent, failed for good.</summary>
public sealed record DeliveryCounts(int Queued, int Sent, int Failed);

/// <summary>One message in the event's list.</summary>
public sealed record MessageRow(
    Guid Id,
    string Subject,
    AttendeeMessageStatus Status,
    DateTimeOffset SendAt,
    DateTimeOffset? SentAt,
    int Recipients,
    DeliveryCounts Delivery,
    string? RefusedReason);

/// <summary>The event's messages, newest first, and whether the reader may write one (Manager and up).</summary>
public sealed record EventMessages(IReadOnlyList<MessageRow> Rows, bool CanSend);

/// <summary>One recipient's copy of a message, as the delivery log shows it.</summary>
public sealed record MessageDelivery(Guid EmailId, string To, OutboxEmailStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError);

/// <summary>A message with what it was sent to and each recipient's delivery.</summary>
public sealed record MessageDetails(AttendeeMessage Message, string EventTitle, string TimeZone, IReadOnlyList<string> SessionNames,
    IReadOnlyList<string> TicketTypeNames, DeliveryCounts Delivery, IReadOnlyList<MessageDelivery> Deliveries, int DeliveriesTotal, bool CanCancel);

/// <summary>The event's messages and each one's delivery log (Analyst and up read; nothing here changes anything).</summary>
public sealed class MessageLog(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess)
{
    public const int DeliveriesPerPage = 100;
    private const int ErrorShownLength = 300;

    public async Task<EventMessages> ForEventAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var messages = await db.AttendeeMessages.AsNoTracking().Where(m => m.EventId == eventId).OrderByDescending(m => m.CreatedAt)
            .ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var counts = await db.OutboxEmails.Where(e => e.AttendeeMessageId != null && ids.Contains(e.AttendeeMessageId.Value))
            .GroupBy(e => new { e.AttendeeMessageId, e.Status }).Select(g => new { g.Key.AttendeeMessageId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var rows = messages.Select(m => new MessageRow(m.Id, m.Subject, m.Status, m.SendAt, m.SentAt, m.RecipientCount,
            Counts(counts.Where(c => c.AttendeeMessageId == m.Id).Select(c => (c.Status, c.Count))), m.RefusedReason)).ToList();
        return new EventMessages(rows, grant.Allows(OrgRole.Manager));
    }

    /// <summary>The message and a page of its deliveries, failed first, then by address; an id of another event is not found.</summary>
    public async Task<MessageDetails> GetAsync(Guid eventId, Guid messageId, int page = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var message = await db.AttendeeMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId && m.EventId == eventId, ct)
            ?? throw new NotFoundException();
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TimeZone }).SingleAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => message.SessionIds.Contains(s.Id)).OrderBy(s => s.StartsAt)
            .Select(s => s.Code + " " + s.Name).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Where(t => message.TicketTypeIds.Contains(t.Id)).OrderBy(t => t.SortOrder)
            .Select(t => t.Name).ToListAsync(ct);
        var emails = db.OutboxEmails.AsNoTracking().Where(e => e.AttendeeMessageId == messageId);
        var counts = await emails.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var deliveries = await emails
            .OrderBy(e => e.Status == OutboxEmailStatus.Failed ? 0 : e.Status == OutboxEmailStatus.Pending ? 1 : 2).ThenBy(e => e.To)
            .Skip(Math.Max(0, page) * DeliveriesPerPage).Take(DeliveriesPerPage)
            .Select(e => new MessageDelivery(e.Id, e.To, e.Status, e.Attempts, e.SentAt, e.LastError))
            .ToListAsync(ct);
        return new MessageDetails(message, ev.Title, ev.TimeZone, sessions, types, Counts(counts.Select(c => (c.Key, c.Count))),
            deliveries.Select(d => d with { LastError = Shorten(d.LastError) }).ToList(), counts.Sum(c => c.Count),
            message.Status == AttendeeMessageStatus.Scheduled && grant.Allows(OrgRole.Manager));
    }

    private static DeliveryCounts Counts(IEnumerable<(OutboxEmailStatus Status, int Count)> counts)
    {
        var list = counts.ToList();
        int Of(OutboxEmailStatus status) => list.Where(c => c.Status == status).Sum(c => c.Count);
        return new DeliveryCounts(Of(OutboxEmailStatus.Pending), Of(OutboxEmailStatus.Sent), Of(OutboxEmailStatus.Failed));
    }

    private static string? Shorten(string? error) => error is { Length: > ErrorShownLength } ? error[..ErrorShownLength] + "…" : error;
}
