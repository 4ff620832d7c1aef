using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>
/// What buying and showing an order need to know about an event that only its organizer changes: the
/// event, its organization's name and fee override, sessions, ticket types (with the sessions they
/// include, in the event page's order) and checkout questions. Never read for its counters: the
/// <c>Taken</c> values in it are as old as the entry (see <see cref="EventDefinitions.WithCountersAsync"/>).
/// </summary>
public sealed record EventDefinition(
    Event Event,
    string OrganizationName,
    decimal? FeePercentOverride,
    long? FeeFixedMinorOverride,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<TicketType> TicketTypes,
    IReadOnlyList<EventQuestion> Questions);

/// <summary>
/// An event's sessions and ticket types as a definition has them, with the counters read just now (copies: the cached ones stay
/// as they are).
/// </summary>
public sealed record EventWithCounters(EventDefinition Definition, IReadOnlyList<Session> Sessions, IReadOnlyList<TicketType> TicketTypes);

/// <summary>
/// Event definitions kept in the <see cref="CatalogCache"/>, so a purchase stops reading the same
/// rows at every step (the bench counted 4 reads and checkouts in the hold, 3 more on every order
/// page). Every organizer change of the event, its sessions, ticket types, questions or the
/// organization raises <c>CatalogChanged</c>, which drops the cache here and on the other instances
/// within milliseconds. What a stale entry could get wrong is guarded elsewhere: capacity by the
/// counters' conditional updates, the sessions a type includes by the hold's check under lock, a
/// cancelled event by the confirmation's check of the event under lock.
/// </summary>
public sealed class EventDefinitions(CatalogCache cache)
{
    /// <summary>
    /// The event's definition, or null when there is no such event. When it is not cached it is read
    /// through <paramref name="db"/> (inside the caller's transaction, if any), never on a connection of its own:
    /// a caller holding one connection while waiting for a second could starve the pool under load.
    /// </summary>
    public async Task<EventDefinition?> GetAsync(IAppDbContext db, Guid eventId, CancellationToken ct = default)
    {
        var found = await cache.GetOrReadAsync($"definition:{eventId:N}", async () => new Found(await ReadAsync(db, eventId, ct)));
        return found.Definition;
    }

    /// <summary>
    /// The definition with the sessions' and ticket types' counters as they are now: one statement.
    /// Null when there is no such event.
    /// </summary>
    public async Task<EventWithCounters?> WithCountersAsync(IAppDbContext db, Guid eventId, CancellationToken ct = default)
    {
        if (await GetAsync(db, eventId, ct) is not { } definition)
        {
            return null;
        }

        var taken = await db.Sessions.Where(s => s.EventId == eventId).Select(s => new { s.Id, s.Taken })
            .Concat(db.TicketTypes.Where(t => t.EventId == eventId).Select(t => new { t.Id, t.Taken }))
            .ToDictionaryAsync(c => c.Id, c => c.Taken, ct);
        // A session or type added since the entry was read is not in the definition yet: the
        // organizer's change dropped the entry, so only a read racing that change can see this.
        var sessions = definition.Sessions.Select(s => s.WithTaken(taken.GetValueOrDefault(s.Id, s.Taken))).ToList();
        var types = definition.TicketTypes.Select(t => t.WithTaken(taken.GetValueOrDefault(t.Id, t.Taken))).ToList();
        return new EventWithCounters(definition, sessions, types);
    }

    private static async Task<EventDefinition?> ReadAsync(IAppDbContext db, Guid eventId, CancellationToken ct)
    {
        var eventAndOrganization = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Join(db.Organizations, e => e.OrganizationId, o => o.Id, (e, o) =>
                new { Event = e, o.Name, o.PlatformFeePercentOverride, o.PlatformFeeFixedMinorOverride })
            .SingleOrDefaultAsync(ct);
        if (eventAndOrganization is null)
        {
            return null;
        }

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Code)
            .ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder)
            .ThenBy(t => t.PriceMinor).ToListAsync(ct);
        var questions = await db.EventQuestions.AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ToListAsync(ct);
        return new EventDefinition(eventAndOrganization.Event, eventAndOrganization.Name, eventAndOrganization.PlatformFeePercentOverride,
            eventAndOrganization.PlatformFeeFixedMinorOverride, sessions, types, questions);
    }

    /// <summary>The cache keeps classes: this one also keeps "no such event".</summary>
    private sealed record Found(EventDefinition? Definition);
}
