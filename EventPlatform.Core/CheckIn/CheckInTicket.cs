using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

/// <summary>
/// Admits a ticket to a session, exactly once: the insert is refused by the database's unique
/// index when the ticket is already in, so concurrent scans at two kiosks give one success and one
/// "already checked in". Every scan, admitted or refused, is audit-logged with the station name.
/// </summary>
public sealed class CheckInTicket(IAppDbContextFactory dbFactory, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(5);

    public async Task<CheckInResult> ExecuteAsync(CheckInStation station, string? code, Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var result = await CheckAsync(db, station, code, sessionId, now, ct);
        audit.Add(db, station.UserId, station.OrganizationId, result.Succeeded ? AuditActions.TicketCheckedIn : AuditActions.TicketCheckInRefused,
            "Ticket", result.TicketId?.ToString(),
            new TicketCheckInDetails(result.Outcome, sessionId, station.StationName, result.AttendeeName), station.StationName);
        if (result is { Succeeded: true, TicketId: { } ticketId, CheckInId: { } checkInId })
        {
            db.Raise(new TicketCheckedIn(station.EventId, sessionId, ticketId, checkInId));
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Takes back a check-in made in the last 5 minutes at this event (a wrong scan, a wrong session).</summary>
    public async Task<bool> UndoAsync(CheckInStation station, Guid checkInId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        if (!await StationGrant.StillValidAsync(db, station, now, ct))
        {
            return false;
        }

        var since = now - UndoWindow;
        var undone = await db.CheckIns.Where(c => c.Id == checkInId && c.EventId == station.EventId && c.UndoneAt == null && c.CheckedInAt > since)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UndoneAt, now), ct) == 1;
        if (undone)
        {
            var taken = await db.CheckIns.AsNoTracking().Where(c => c.Id == checkInId).Select(c => new { c.TicketId, c.SessionId }).SingleAsync(ct);
            audit.Add(db, station.UserId, station.OrganizationId, AuditActions.TicketCheckInUndone, "CheckIn", checkInId.ToString(),
                new TicketCheckInUndoneDetails(station.StationName), station.StationName);
            db.Raise(new CheckInUndone(station.EventId, taken.SessionId, taken.TicketId, checkInId));
            await db.SaveChangesAsync(ct);
        }

        return undone;
    }

    /// <summary>No such ticket: "unknown code", unless the session is not even this event's (checked only on this rare path).</summary>
    private static async Task<CheckInResult> UnknownCodeAsync(IAppDbContext db, CheckInStation station, Guid sessionId, CancellationToken ct) =>
        new(await db.Sessions.AnyAsync(s => s.Id == sessionId && s.EventId == station.EventId, ct)
            ? CheckInOutcome.UnknownCode : CheckInOutcome.SessionNotIncluded);

    private static async Task<CheckInResult> CheckAsync(IAppDbContext db, CheckInStation station, string? code, Guid sessionId, DateTimeOffset now,
        CancellationToken ct)
    {
        if (station.KioskId is { } kioskId)
        {
            // Revocation and expiry take effect on the very next scan.
            var active = await db.Kiosks.Where(k => k.Id == kioskId && k.RevokedAt == null && k.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastActivityAt, now), ct);
            if (active == 0)
            {
                return new CheckInResult(CheckInOutcome.KioskEnded);
            }
        }
        else if (!await StationGrant.StillValidAsync(db, station, now, ct))
        {
            return new CheckInResult(CheckInOutcome.StaffAccessEnded);
        }

        if (station.AllowedSessionId is { } allowed && allowed != sessionId)
        {
            return new CheckInResult(CheckInOutcome.KioskNotAllowedForSession);
        }

        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length is < 20 or > 64 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return await UnknownCodeAsync(db, station, sessionId, ct);
        }

        // One round trip for the ticket, its order, the session and whether the ticket includes it:
        // at the doors every scan counts (measured in the bench's kiosk scenario).
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Code == trimmed)
            .Join(db.Orders, t => t.OrderId, o => o.Id, (t, o) => new
            {
                t.Id, t.EventId, t.Status, t.TicketTypeName, t.AttendeeName, OrderStatus = o.Status, o.DisputeStatus,
                SessionName = db.Sessions.Where(s => s.Id == sessionId && s.EventId == station.EventId).Select(s => s.Name).FirstOrDefault(),
                IncludesSession = db.TicketTypeSessions.Any(l => l.TicketTypeId == t.TicketTypeId && l.SessionId == sessionId),
            })
            .SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            return await UnknownCodeAsync(db, station, sessionId, ct);
        }

        if (ticket.SessionName is null)
        {
            return new CheckInResult(CheckInOutcome.SessionNotIncluded);
        }

        if (ticket.EventId != station.EventId)
        {
            // Nothing about the other event is revealed.
            return new CheckInResult(CheckInOutcome.WrongEvent);
        }

        var known = new CheckInResult(CheckInOutcome.CheckedIn, ticket.AttendeeName, ticket.TicketTypeName, ticket.SessionName, TicketId: ticket.Id);
        if (ticket.Status == TicketStatus.Cancelled)
        {
            return known with { Outcome = CheckInOutcome.Cancelled };
        }

        if (Payments.PaymentIssues.BlocksEntry(ticket.DisputeStatus))
        {
            return known with { Outcome = CheckInOutcome.PaymentDisputed };
        }

        if (ticket.Status != TicketStatus.Valid || ticket.OrderStatus != OrderStatus.Paid)
        {
            return known with { Outcome = CheckInOutcome.NotPaid };
        }

        if (!ticket.IncludesSession)
        {
            return known with { Outcome = CheckInOutcome.SessionNotIncluded };
        }

        var record = new CheckInRecord
        {
            Id = Guid.CreateVersion7(),
            EventId = station.EventId,
            TicketId = ticket.Id,
            SessionId = sessionId,
            CheckedInAt = now,
            StationName = station.StationName,
            KioskId = station.KioskId,
            ByUserId = station.UserId,
        };
        if (await db.Atomic.TryRecordCheckInAsync(record, ct))
        {
            return known with { CheckInId = record.Id };
        }

        var previous = await db.CheckIns.AsNoTracking().Where(c => c.TicketId == ticket.Id && c.SessionId == sessionId && c.UndoneAt == null)
            .Select(c => new { c.CheckedInAt, c.StationName }).FirstOrDefaultAsync(ct);
        return known with { Outcome = CheckInOutcome.AlreadyCheckedIn, PreviousAt = previous?.CheckedInAt, PreviousStation = previous?.StationName };
    }
}
