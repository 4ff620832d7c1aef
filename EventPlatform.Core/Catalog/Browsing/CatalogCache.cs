using System.Collections.Concurrent;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>
/// Which events a listing shows — the ids in order and the total of a search, the related events of
/// an event page — kept for <see cref="Lifetime"/>. Ranking thousands of listed events by their
/// next session is the one read of the public pages that grows with the catalog (the bench measured
/// 60–90 ms per page with 10,000 events); the answer changes only when the catalog does, or when a
/// session ends. Only the choice of events is kept: cards, prices and availability are always read
/// fresh from the counters. It also keeps each event's definition for buying and order pages
/// (<see cref="EventDefinitions"/>), whose counters are read fresh as well.
/// </summary>
/// <remarks>
/// Every catalog change of this instance calls <see cref="Invalidate"/> after its commit (event
/// details and status, sessions, ticket types, questions, the scheduled publishing, organization names and fees), so
/// an organizer sees a change at once. The relay between instances (Data's LISTEN/NOTIFY relay)
/// hears <see cref="Invalidated"/>, tells the other instances, and calls
/// <see cref="InvalidateFromElsewhere"/> on theirs: they see the change within milliseconds, and
/// within <see cref="Lifetime"/> should the message be lost.
/// </remarks>
public sealed class CatalogCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    /// <summary>Distinct queries kept at most; beyond it the cache starts over (a crawler's odd queries must not grow it without bound).</summary>
    private const int MaxEntries = 5_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>
    /// The kept answer, or <paramref name="read"/>'s. Callers that miss together share one read
    /// (single flight): when a listing expired under load, 16 clients used to run the same
    /// 1-second query at once, and after a change every buyer of an on-sale would read the event's
    /// definition together. Should the shared read fail, each waiting caller reads on its own.
    /// </summary>
    public async Task<T> GetOrReadAsync<T>(string key, Func<Task<T>> read)
        where T : class
    {
        var now = clock.GetUtcNow();
        var version = Interlocked.Read(ref _version);
        while (true)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Version == version && entry.ExpiresAt > now)
            {
                if (entry.Read.IsCompletedSuccessfully)
                {
                    return (T)entry.Read.Result;
                }

                try
                {
                    return (T)await entry.Read;
                }
                catch (Exception)
                {
                    // Another caller's read failed (or that caller gave up): not ours to report.
                    return await read();
                }
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            // Stamped with the version seen before the read: if the catalog changes meanwhile, the entry is already outdated.
            var started = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = new Entry(started.Task, version, now + Lifetime);
            var claimed = entry is null ? _entries.TryAdd(key, mine) : _entries.TryUpdate(key, mine, entry);
            if (!claimed)
            {
                continue; // another caller started the same read a moment ago: join it
            }

            try
            {
                var value = await read();
                started.SetResult(value);
                return value;
            }
            catch (Exception ex)
            {
                _entries.TryRemove(KeyValuePair.Create(key, mine));
                started.SetException(ex);
                _ = started.Task.Exception; // observed here: the waiting callers read on their own
                throw;
            }
        }
    }

    /// <summary>Raised by <see cref="Invalidate"/> (a change made on this instance), for the relay to tell the others.</summary>
    public event Action? Invalidated;

    /// <summary>After a committed catalog change on this instance: every listing is read again, here and on the other instances.</summary>
    public void Invalidate()
    {
        InvalidateFromElsewhere();
        Invalidated?.Invoke();
    }

    /// <summary>Another instance changed the catalog (or the relay may have missed changes): every listing is read again here.</summary>
    public void InvalidateFromElsewhere()
    {
        Interlocked.Increment(ref _version);
        _entries.Clear();
    }

    private sealed record Entry(Task<object> Read, long Version, DateTimeOffset ExpiresAt);
}
