using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Common;

/// <summary>One fixed-window counter row (table <c>attempt_counters</c>).</summary>
public class AttemptCounter
{
    public required string Key { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// Counts attempts (wrong discount codes, for one) in PostgreSQL, so a limit holds across every
/// app instance and survives restarts: fixed windows, one row per key and window, incremented
/// with a single upsert. Keys name what is counted, e.g. <c>coupon-address:203.0.113.7</c>.
/// </summary>
public sealed class AttemptCounters(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    /// <summary>No caller counts over a longer window (the longest today: order resends, an hour).</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);

    /// <summary>The attempts counted in the current window for each of <paramref name="keys"/> (one query; absent = 0).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyList<string> keys, TimeSpan window, CancellationToken ct = default)
    {
        var start = WindowStart(window);
        await using var db = await dbFactory.CreateAsync(ct);
        var stored = await db.AttemptCounters.AsNoTracking().Where(c => keys.Contains(c.Key) && c.WindowStart == start)
            .ToDictionaryAsync(c => c.Key, c => c.Count, ct);
        return keys.Distinct().ToDictionary(k => k, k => stored.GetValueOrDefault(k));
    }

    /// <summary>Counts one more attempt for each key; returns the new counts, in order.</summary>
    public async Task<IReadOnlyList<int>> AddAsync(IReadOnlyList<string> keys, TimeSpan window, CancellationToken ct = default)
    {
        var start = WindowStart(window);
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = new List<int>(keys.Count);
        foreach (var key in keys)
        {
            counts.Add(await db.Atomic.CountAttemptAsync(key, start, ct));
        }

        // Old windows are of no use: now and then, the caller sweeps them (cheap, indexed). Keys of
        // every window length share the table, so only rows older than the longest window in use
        // (and its predecessor, for the sliding estimate) go: never a live window of another caller.
        if (Random.Shared.Next(50) == 0)
        {
            var before = clock.GetUtcNow() - (LongestWindow * 2);
            await db.Atomic.DeleteAttemptCountersAsync(before, ct);
        }

        return counts;
    }

    /// <summary>
    /// Counts one more attempt for each key and returns a sliding-window estimate of the attempts
    /// in the last <paramref name="window"/>: this window's count plus the previous window's,
    /// weighted by how much of it still lies within the last <paramref name="window"/>. Unlike a
    /// bare fixed window, a burst cannot double the limit by straddling a window's end.
    /// </summary>
    public async Task<IReadOnlyList<double>> AddSlidingAsync(IReadOnlyList<string> keys, TimeSpan window, CancellationToken ct = default)
    {
        var current = await AddAsync(keys, window, ct);
        var start = WindowStart(window);
        var previousStart = start - window;
        var previousWeight = 1 - ((clock.GetUtcNow() - start) / window);
        await using var db = await dbFactory.CreateAsync(ct);
        var previous = await db.AttemptCounters.AsNoTracking().Where(c => keys.Contains(c.Key) && c.WindowStart == previousStart)
            .ToDictionaryAsync(c => c.Key, c => c.Count, ct);
        return keys.Select((key, i) => current[i] + (previous.GetValueOrDefault(key) * previousWeight)).ToList();
    }

    /// <summary>How long until the current window of <paramref name="window"/> ends.</summary>
    public TimeSpan UntilWindowEnds(TimeSpan window) => WindowStart(window) + window - clock.GetUtcNow();

    private DateTimeOffset WindowStart(TimeSpan window)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
    }
}
