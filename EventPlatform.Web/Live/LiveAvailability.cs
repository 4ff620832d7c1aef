using System.Diagnostics;
using EventPlatform.Core.Catalog.Live;

namespace EventPlatform.Web.Live;

/// <summary>
/// The live hub of one app instance: event pages and dashboards subscribe to an event; changes
/// (signalled locally or relayed from other instances) are coalesced per event, so each event is
/// read at most once per <see cref="MinInterval"/> however many changes arrive and however many
/// pages watch it, and every subscriber gets the same counters.
/// </summary>
internal sealed class LiveAvailability(IServiceScopeFactory scopes, ILogger<LiveAvailability> logger) : ILiveAvailabilitySignals
{
    /// <summary>At most 4 reads (and so 4 renders per page) per second and event.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    private readonly ILogger logger = logger;
    private readonly Dictionary<Guid, EventFeed> feeds = [];
    private readonly Lock gate = new();
    private long reads;

    /// <summary>Open subscriptions over all events (a page that closed must not stay here).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return feeds.Values.Sum(f => f.Count);
            }
        }
    }

    /// <summary>Open subscriptions to one event.</summary>
    public int SubscriberCountFor(Guid eventId)
    {
        lock (gate)
        {
            return feeds.TryGetValue(eventId, out var feed) ? feed.Count : 0;
        }
    }

    /// <summary>Counter reads so far: one per event and tick, not one per subscriber.</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>Calls <paramref name="onChanged"/> with fresh counters after changes of the event, until disposed.</summary>
    public IDisposable Subscribe(Guid eventId, Func<EventCounters, Task> onChanged)
    {
        var subscriber = new Subscriber(onChanged);
        lock (gate)
        {
            if (!feeds.TryGetValue(eventId, out var feed))
            {
                feed = new EventFeed(this, eventId);
                feeds[eventId] = feed;
            }

            feed.Add(subscriber);
        }

        return new Subscription(() => Unsubscribe(eventId, subscriber));
    }

    public void Signal(Guid eventId)
    {
        EventFeed? feed;
        lock (gate)
        {
            feeds.TryGetValue(eventId, out feed);
        }

        feed?.MarkDirty();
    }

    public void SignalAll()
    {
        List<EventFeed> all;
        lock (gate)
        {
            all = [.. feeds.Values];
        }

        foreach (var feed in all)
        {
            feed.MarkDirty();
        }
    }

    private void Unsubscribe(Guid eventId, Subscriber subscriber)
    {
        lock (gate)
        {
            if (feeds.TryGetValue(eventId, out var feed) && feed.Remove(subscriber) == 0)
            {
                feeds.Remove(eventId);
            }
        }
    }

    private async Task<EventCounters?> ReadAsync(Guid eventId)
    {
        Interlocked.Increment(ref reads);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReadEventCounters>().ExecuteAsync(eventId);
    }

    private sealed record Subscriber(Func<EventCounters, Task> OnChanged);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }

    /// <summary>One event's subscribers and its coalescing pump.</summary>
    private sealed class EventFeed(LiveAvailability hub, Guid eventId)
    {
        private readonly List<Subscriber> subscribers = [];
        private readonly Lock gate = new();
        private bool dirty;
        private bool pumping;
        private long lastReadTimestamp;

        public int Count
        {
            get
            {
                lock (gate)
                {
                    return subscribers.Count;
                }
            }
        }

        public void Add(Subscriber subscriber)
        {
            lock (gate)
            {
                subscribers.Add(subscriber);
            }
        }

        public int Remove(Subscriber subscriber)
        {
            lock (gate)
            {
                subscribers.Remove(subscriber);
                return subscribers.Count;
            }
        }

        public void MarkDirty()
        {
            lock (gate)
            {
                dirty = true;
                if (pumping)
                {
                    return;
                }

                pumping = true;
            }

            _ = Task.Run(PumpAsync);
        }

        private async Task PumpAsync()
        {
            while (true)
            {
                var since = Stopwatch.GetElapsedTime(Interlocked.Read(ref lastReadTimestamp));
                if (since < MinInterval)
                {
                    await Task.Delay(MinInterval - since);
                }

                Subscriber[] targets;
                lock (gate)
                {
                    if (!dirty || subscribers.Count == 0)
                    {
                        dirty = false;
                        pumping = false;
                        return;
                    }

                    dirty = false;
                    targets = [.. subscribers];
                }

                Interlocked.Exchange(ref lastReadTimestamp, Stopwatch.GetTimestamp());
                try
                {
                    if (await hub.ReadAsync(eventId) is { } counters)
                    {
                        await Task.WhenAll(targets.Select(t => NotifyAsync(t, counters)));
                    }
                }
                catch (Exception ex)
                {
                    // The next change tries again; a failed read must not stop the pump for good.
                    hub.logger.LogWarning(ex, "Live update of event {EventId} failed", eventId);
                }
            }
        }

        private async Task NotifyAsync(Subscriber subscriber, EventCounters counters)
        {
            try
            {
                await subscriber.OnChanged(counters);
            }
            catch (Exception ex)
            {
                hub.logger.LogDebug(ex, "A live subscriber of event {EventId} failed (its page probably closed)", eventId);
            }
        }
    }
}
