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

    private readonly ILogger _logger = logger;
    private readonly Dictionary<Guid, EventFeed> _feeds = [];
    private readonly Lock _gate = new();
    private long _reads;

    /// <summary>Open subscriptions over all events (a page that closed must not stay here).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _feeds.Values.Sum(f => f.Count);
            }
        }
    }

    /// <summary>Open subscriptions to one event.</summary>
    public int SubscriberCountFor(Guid eventId)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(eventId, out var feed) ? feed.Count : 0;
        }
    }

    /// <summary>Counter reads so far: one per event and tick, not one per subscriber.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Calls <paramref name="onChanged"/> with fresh counters after changes of the event, until disposed.</summary>
    public IDisposable Subscribe(Guid eventId, Func<EventCounters, Task> onChanged)
    {
        var subscriber = new Subscriber(onChanged);
        lock (_gate)
        {
            if (!_feeds.TryGetValue(eventId, out var feed))
            {
                feed = new EventFeed(this, eventId);
                _feeds[eventId] = feed;
            }

            feed.Add(subscriber);
        }

        return new Subscription(() => Unsubscribe(eventId, subscriber));
    }

    public void Signal(Guid eventId)
    {
        EventFeed? feed;
        lock (_gate)
        {
            _feeds.TryGetValue(eventId, out feed);
        }

        feed?.MarkDirty();
    }

    public void SignalAll()
    {
        List<EventFeed> all;
        lock (_gate)
        {
            all = [.. _feeds.Values];
        }

        foreach (var feed in all)
        {
            feed.MarkDirty();
        }
    }

    private void Unsubscribe(Guid eventId, Subscriber subscriber)
    {
        lock (_gate)
        {
            if (_feeds.TryGetValue(eventId, out var feed) && feed.Remove(subscriber) == 0)
            {
                _feeds.Remove(eventId);
            }
        }
    }

    private async Task<EventCounters?> ReadAsync(Guid eventId)
    {
        Interlocked.Increment(ref _reads);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReadEventCounters>().ExecuteAsync(eventId);
    }

    private sealed record Subscriber(Func<EventCounters, Task> OnChanged);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _onDispose, null)?.Invoke();
    }

    /// <summary>One event's subscribers and its coalescing pump.</summary>
    private sealed class EventFeed(LiveAvailability hub, Guid eventId)
    {
        private readonly List<Subscriber> _subscribers = [];
        private readonly Lock _gate = new();
        private bool _dirty;
        private bool _pumping;
        private long _lastReadTimestamp;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _subscribers.Count;
                }
            }
        }

        public void Add(Subscriber subscriber)
        {
            lock (_gate)
            {
                _subscribers.Add(subscriber);
            }
        }

        public int Remove(Subscriber subscriber)
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
                return _subscribers.Count;
            }
        }

        public void MarkDirty()
        {
            lock (_gate)
            {
                _dirty = true;
                if (_pumping)
                {
                    return;
                }

                _pumping = true;
            }

            _ = Task.Run(PumpAsync);
        }

        private async Task PumpAsync()
        {
            while (true)
            {
                var since = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastReadTimestamp));
                if (since < MinInterval)
                {
                    await Task.Delay(MinInterval - since);
                }

                Subscriber[] targets;
                lock (_gate)
                {
                    if (!_dirty || _subscribers.Count == 0)
                    {
                        _dirty = false;
                        _pumping = false;
                        return;
                    }

                    _dirty = false;
                    targets = [.. _subscribers];
                }

                Interlocked.Exchange(ref _lastReadTimestamp, Stopwatch.GetTimestamp());
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
                    hub._logger.LogWarning(ex, "Live update of event {EventId} failed", eventId);
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
                hub._logger.LogDebug(ex, "A live subscriber of event {EventId} failed (its page probably closed)", eventId);
            }
        }
    }
}
