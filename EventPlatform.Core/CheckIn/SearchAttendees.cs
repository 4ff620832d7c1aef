using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

public sealed record AttendeeMatch(string Code, string? AttendeeName, string? AttendeeEmail, string TicketTypeName, string OrderNumber);

/// <summary>Manual look-up at the door: paid tickets of the station's event by attendee name or email, buyer email, or order number.</summary>
public sealed class SearchAttendees(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    /// <exception cref="AccessDeniedException">The kiosk ended or the staff member lost the check-in role since the station opened.</exception>
    public async Task<IReadOnlyList<AttendeeMatch>> ExecuteAsync(CheckInStation station, string? query, CancellationToken ct = default)
    {
        var text = query?.Trim() ?? "";
        if (text.Length is < 2 or > 100)
        {
            return [];
        }

        var pattern = LikePattern.Containing(text);
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await StationGrant.StillValidAsync(db, station, clock.GetUtcNow(), ct))
        {
            throw new AccessDeniedException(UserMessages.CheckInAccessEnded);
        }

        return await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == station.EventId && t.Status == TicketStatus.Valid)
            .Join(db.Orders.Where(o => o.Status == OrderStatus.Paid), t => t.OrderId, o => o.Id, (t, o) => new { t, o })
            .Where(x => (x.t.AttendeeName != null && EF.Functions.Like(x.t.AttendeeName.ToLower(), pattern, "\\"))
                || (x.t.AttendeeEmail != null && EF.Functions.Like(x.t.AttendeeEmail.ToLower(), pattern, "\\"))
                || (x.o.BuyerEmail != null && EF.Functions.Like(x.o.BuyerEmail.ToLower(), pattern, "\\"))
                || EF.Functions.Like(x.o.Number.ToLower(), pattern, "\\"))
            .OrderBy(x => x.t.AttendeeName).Take(20)
            .Select(x => new AttendeeMatch(x.t.Code, x.t.AttendeeName, x.t.AttendeeEmail, x.t.TicketTypeName, x.o.Number))
            .ToListAsync(ct);
    }
}
