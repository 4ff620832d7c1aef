using EventPlatform.Core.Catalog.Live;
using EventPlatform.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Bench;

/// <summary>
/// Availability changes of one event through the real path — a counter change in the database,
/// then <see cref="IAvailabilityNotifier.ChangedAsync"/> — each waited for until the live hub has
/// read it, so every open page re-renders once per change (the hub reads an event at most once per
/// <see cref="LiveAvailability.MinInterval"/>: changes faster than that would be coalesced away).
/// </summary>
internal static class LiveChanges
{
    /// <summary>Places left in the changed session: 2 to 9 in turn, so "Only N left" and the quantity choices really change.</summary>
    public static int RemainingAfter(int change) => 2 + change % 8;

    /// <param name="first">The number of the first change (the changes so far), which sets the places left.</param>
    /// <returns>The hub's counter reads for the changes (one per change when each was rendered on its own).</returns>
    public static async Task<long> MakeAsync(BenchHost host, BenchWebApp app, Guid eventId, Guid sessionId, int first, int count)
    {
        var hub = app.Services.GetRequiredService<LiveAvailability>();
        var notifier = app.Services.GetRequiredService<IAvailabilityNotifier>();
        var readsBefore = hub.Reads;
        for (var change = first; change < first + count; change++)
        {
            var reads = hub.Reads;
            var taken = OnSaleEvent.SessionCapacity - RemainingAfter(change);
            await using (var db = await host.Db.CreateAsync())
            {
                await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, taken));
            }

            await notifier.ChangedAsync(eventId);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (hub.Reads == reads && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
        }

        // The last read's renders finish after it: give them a tick before measuring.
        await Task.Delay(LiveAvailability.MinInterval * 4);
        return hub.Reads - readsBefore;
    }
}
