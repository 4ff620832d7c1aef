using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Holds;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Live;

/// <summary>One row's capacity (a session's capacity, or a ticket type's cap) and its places taken (sold or held).</summary>
public readonly record struct CounterRow(int? Capacity, int Taken)
{
    /// <summary>Places left under this row's capacity; int.MaxValue without one.</summary>
    public int Left => Capacity is { } capacity ? capacity - Taken : int.MaxValue;
}

/// <summary>An event's counters at one moment: what every live page of the event needs to re-evaluate availability.</summary>
public sealed record EventCounters(
    Guid EventId,
    EventStatus Status,
    IReadOnlyDictionary<Guid, CounterRow> Sessions,
    IReadOnlyDictionary<Guid, CounterRow> Types,
    DateTimeOffset ReadAt);

/// <summary>
/// Reads an event's counters for live updates — once per event and tick, shared by every page
/// open on it, never once per page. Expired, unreleased holds are already subtracted.
/// </summary>
public sealed class ReadEventCounters(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<EventCounters?> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var status = await db.Events.Where(e => e.Id == eventId).Select(e => (EventStatus?)e.Status).SingleOrDefaultAsync(ct);
        if (status is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Where(t => t.EventId == eventId).ToListAsync(ct);
        await ExpiredHolds.DiscountAsync(db, eventId, sessions, types, now, ct);
        return new EventCounters(
            eventId,
            status.Value,
            sessions.ToDictionary(s => s.Id, s => new CounterRow(s.Capacity, s.Taken)),
            types.ToDictionary(t => t.Id, t => new CounterRow(t.QuantityCap, t.Taken)),
            now);
    }
}

/// <summary>Where the relay delivers "this event changed" (the web host's live hub).</summary>
public interface ILiveAvailabilitySignals
{
    void Signal(Guid eventId);

    /// <summary>After the relay reconnects, changes may have been missed: refresh everything watched.</summary>
    void SignalAll();
}
