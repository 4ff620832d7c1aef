using System.Diagnostics;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Live;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Web.Live;
using Microsoft.AspNetCore.Components;

namespace EventPlatform.Bench;

/// <param name="LatencyMs">Per change: from the start of the change's transaction to the last subscriber's update finished.</param>
/// <param name="ReadsPerChange">Counter reads of the live hub per change, when changes are a second apart.</param>
/// <param name="BurstChanges">Changes made back to back as fast as the database allows.</param>
/// <param name="BurstReads">Counter reads the hub made for the whole burst (coalesced: one per tick, not one per change or subscriber).</param>
internal sealed record FanOutRun(int Subscribers, IReadOnlyList<double> LatencyMs, double ReadsPerChange, int BurstChanges, double BurstMs,
    long BurstReads);

/// <summary>
/// The fanout scenario, first half: K subscribers to one event in the real web app, each doing what
/// the event page does on a notification — on its own Blazor dispatcher (the one a circuit's
/// renderer uses), re-evaluate its own copy of the page's view from the shared counters. Changes
/// are real holds placed through the app's use case, so they travel commit → NOTIFY → LISTEN → hub
/// → read → every subscriber, as between two instances.
/// </summary>
internal static class FanOut
{
    private const int SpacedChanges = 10;
    private const int BurstSize = 50;

    public static async Task<FanOutRun> RunAsync(BenchHost host, BenchWebApp app, int subscribers, string slug)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, slug);
        var hub = app.Services.GetRequiredService<LiveAvailability>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var pages = new List<SubscribedPage>();
        for (var i = 0; i < subscribers; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var view = await scope.ServiceProvider.GetRequiredService<GetPublicEvent>().ExecuteAsync(slug);
            pages.Add(new SubscribedPage(view, clock));
        }

        var subscriptions = pages.Select(p => hub.Subscribe(sale.EventId, p.OnChangedAsync)).ToList();
        try
        {
            // One unmeasured change first: the first hold of a fresh app pays for compiling its queries
            // and code paths, and with 10 measured changes that one change was the p95 (641 ms at
            // K = 100, the scenario's first; 45 ms with this warm-up, in runs of 2026-12-07).
            var held = await HoldOneAsync(app, sale);
            await Task.WhenAll(pages.Select(p => p.SeenAsync(held)));
            var latencies = new List<double>();
            var readsBefore = hub.Reads;
            for (var change = 0; change < SpacedChanges; change++)
            {
                await Task.Delay(LiveAvailability.MinInterval * 4);
                var started = Stopwatch.GetTimestamp();
                held += await HoldOneAsync(app, sale);
                await Task.WhenAll(pages.Select(p => p.SeenAsync(held)));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            await Task.Delay(LiveAvailability.MinInterval * 4);
            var readsPerChange = (double)(hub.Reads - readsBefore) / SpacedChanges;

            readsBefore = hub.Reads;
            var burst = Stopwatch.StartNew();
            for (var change = 0; change < BurstSize; change++)
            {
                held += await HoldOneAsync(app, sale);
            }

            await Task.WhenAll(pages.Select(p => p.SeenAsync(held)));
            burst.Stop();
            await Task.Delay(LiveAvailability.MinInterval * 4);
            return new FanOutRun(subscribers, latencies, readsPerChange, BurstSize, burst.Elapsed.TotalMilliseconds, hub.Reads - readsBefore);
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>A real hold of one ticket through the app's use case (commit, then NOTIFY); returns the places it holds.</summary>
    private static async Task<int> HoldOneAsync(BenchWebApp app, OnSaleEvent sale)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var night = sale.Types[^1];
        var hold = await scope.ServiceProvider.GetRequiredService<PlaceHold>()
            .ExecuteAsync(new HoldRequest(sale.EventId, new Dictionary<Guid, int> { [night.Id] = 1 }));
        return hold.Succeeded ? 1 : throw new InvalidOperationException("The fan-out's hold failed: " + hold.Errors[0].Message);
    }

    /// <summary>One open event page: its own view, updated on its own dispatcher as LiveTicketSelector.razor does.</summary>
    private sealed class SubscribedPage(PublicEventView view, TimeProvider clock)
    {
        private readonly Dispatcher _dispatcher = Dispatcher.CreateDefault();
        private readonly Lock _gate = new();
        private readonly List<(int Held, TaskCompletionSource Seen)> _waiting = [];
        private PublicEventView _view = view;
        private int _heldSeen;

        public Task OnChangedAsync(EventCounters counters) => _dispatcher.InvokeAsync(() =>
        {
            if (_view.Event.Id != counters.EventId)
            {
                return;
            }

            _view = GetPublicEvent.WithCounters(_view, counters, clock.GetUtcNow());
            var held = counters.Sessions.Values.Sum(s => s.Taken); // The fan-out sale sells nothing: all taken is held.
            lock (_gate)
            {
                _heldSeen = Math.Max(_heldSeen, held);
                foreach (var waiter in _waiting.Where(w => w.Held <= _heldSeen).ToList())
                {
                    waiter.Seen.TrySetResult();
                    _waiting.Remove(waiter);
                }
            }
        });

        /// <summary>Completes once this page has shown counters with at least <paramref name="held"/> places held.</summary>
        public Task SeenAsync(int held)
        {
            lock (_gate)
            {
                if (_heldSeen >= held)
                {
                    return Task.CompletedTask;
                }

                var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((held, seen));
                return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
    }
}
