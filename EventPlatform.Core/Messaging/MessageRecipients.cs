using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Messaging;

/// <summary>
/// One address a message or reminder goes to, with what its placeholders need.
/// <paramref name="OrderAccessKey"/> is set only when the recipient is the order's buyer: an
/// attendee who did not buy must not get the link that changes or cancels the buyer's order.
/// <paramref name="Session"/> is the first selected session the recipient holds a ticket for.
/// </summary>
public sealed record Recipient(string Email, string Name, Guid OrderId, string OrderNumber, string? OrderAccessKey, Session? Session);

/// <summary>
/// Picks the people a message goes to: the selected tickets of an event (<see cref="RecipientFilter"/>),
/// then their buyers, their attendees or both, one entry per address (case-insensitive; a buyer's
/// entry wins over the same person as attendee, so they get their order link).
/// </summary>
public static class MessageRecipients
{
    /// <param name="paidBefore">
    /// Only orders paid before this moment (a reminder skips orders paid after it was due: their confirmation just went).
    /// </param>
    public static async Task<IReadOnlyList<Recipient>> ListAsync(IAppDbContext db, Guid eventId, RecipientFilter filter, CancellationToken ct,
        DateTimeOffset? paidBefore = null)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Code)
            .ToListAsync(ct);
        var sessionIds = filter.SessionIds.Where(id => sessions.Any(s => s.Id == id)).ToList();
        var typeIds = filter.TicketTypeIds.ToList();
        var paid = filter.OrderStatuses.Contains(OrderStatus.Paid);
        var cancelled = filter.OrderStatuses.Contains(OrderStatus.Cancelled);
        var pending = filter.OrderStatuses.Contains(OrderStatus.Pending);

        var query =
            from t in db.Tickets
            join o in db.Orders on t.OrderId equals o.Id
            where t.EventId == eventId
            // A ticket whose payment is disputed is refused at the door: its holder is not told to bring it.
            where (paid && o.Status == OrderStatus.Paid && t.Status == TicketStatus.Valid
                    && o.DisputeStatus != PaymentDisputeStatus.Open && o.DisputeStatus != PaymentDisputeStatus.Lost)
                || (cancelled && t.Status == TicketStatus.Cancelled)
                || (pending && o.Status == OrderStatus.Pending && t.Status == TicketStatus.Reserved)
            select new { Ticket = t, Order = o };
        if (paidBefore is { } before)
        {
            query = query.Where(x => x.Order.PaidAt < before);
        }

        if (typeIds.Count > 0)
        {
            query = query.Where(x => typeIds.Contains(x.Ticket.TicketTypeId));
        }

        if (sessionIds.Count > 0)
        {
            query = query.Where(x => db.TicketTypeSessions.Any(l => l.TicketTypeId == x.Ticket.TicketTypeId && sessionIds.Contains(l.SessionId)));
        }

        if (filter.CheckedIn != CheckInFilter.Any)
        {
            var wanted = filter.CheckedIn == CheckInFilter.CheckedIn;
            var anySession = sessionIds.Count == 0;
            query = query.Where(x => db.CheckIns.Any(c => c.TicketId == x.Ticket.Id && c.UndoneAt == null
                && (anySession || sessionIds.Contains(c.SessionId))) == wanted);
        }

        var rows = await query
            .OrderBy(x => x.Order.CreatedAt).ThenBy(x => x.Ticket.Position)
            .Select(x => new
            {
                x.Ticket.TicketTypeId, x.Ticket.AttendeeName, x.Ticket.AttendeeEmail,
                x.Order.Id, x.Order.Number, x.Order.AccessKey, x.Order.BuyerName, x.Order.BuyerEmail,
            })
            .AsNoTracking().ToListAsync(ct);

        var typesInRows = rows.Select(r => r.TicketTypeId).Distinct().ToList();
        var sessionsOfType = (await db.TicketTypeSessions.AsNoTracking().Where(l => typesInRows.Contains(l.TicketTypeId)).ToListAsync(ct))
            .ToLookup(l => l.TicketTypeId, l => l.SessionId);
        Session? FirstSession(Guid typeId) => sessions.FirstOrDefault(s => sessionsOfType[typeId].Contains(s.Id)
            && (sessionIds.Count == 0 || sessionIds.Contains(s.Id)));

        var byEmail = new Dictionary<string, Recipient>(StringComparer.OrdinalIgnoreCase);
        if (filter.Audience is MessageAudience.Buyers or MessageAudience.BuyersAndAttendees)
        {
            // A guest buyer gives no name: when every ticket of the order with the buyer's address (or none) bears one name, it is theirs.
            var ownNames = rows
                .Where(r => r.AttendeeEmail is null || string.Equals(r.AttendeeEmail, r.BuyerEmail, StringComparison.OrdinalIgnoreCase))
                .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => r.AttendeeName).Distinct().ToList());
            foreach (var row in rows.Where(r => r.BuyerEmail is not null))
            {
                var ownName = ownNames.GetValueOrDefault(row.Id) is [{ } single] ? single : null;
                var name = row.BuyerName ?? ownName ?? row.BuyerEmail!;
                byEmail.TryAdd(row.BuyerEmail!,
                    new Recipient(row.BuyerEmail!, name, row.Id, row.Number, row.AccessKey, FirstSession(row.TicketTypeId)));
            }
        }

        if (filter.Audience is MessageAudience.Attendees or MessageAudience.BuyersAndAttendees)
        {
            foreach (var row in rows)
            {
                // A ticket without its own address is reached through its buyer.
                var email = row.AttendeeEmail ?? row.BuyerEmail;
                if (email is null)
                {
                    continue;
                }

                var isBuyer = string.Equals(email, row.BuyerEmail, StringComparison.OrdinalIgnoreCase);
                var name = row.AttendeeEmail is null ? row.BuyerName ?? email : row.AttendeeName ?? email;
                byEmail.TryAdd(email, new Recipient(email, name, row.Id, row.Number, isBuyer ? row.AccessKey : null, FirstSession(row.TicketTypeId)));
            }
        }

        return [.. byEmail.Values];
    }
}
