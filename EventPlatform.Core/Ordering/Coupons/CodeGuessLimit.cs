using EventPlatform.Core.Common;

namespace EventPlatform.Core.Ordering.Coupons;

/// <summary>
/// Discount and access codes cannot be guessed by trying many: wrong codes are counted per client
/// address (and per order at checkout) in <see cref="AttemptCounters"/>, and past the limit every
/// code is refused — right or wrong — until the window ends.
/// </summary>
public sealed class CodeGuessLimit(AttemptCounters counters, ICurrentClient client)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    /// <summary>Wrong codes one network address may try per window (a person mistypes a few; a script tries thousands).</summary>
    public const int PerAddress = 20;
    /// <summary>Wrong codes one pending order may try per window.</summary>
    public const int PerOrder = 8;

    /// <summary>True when this client (or order) has used up its wrong guesses.</summary>
    public async Task<bool> IsBlockedAsync(Guid? orderId, CancellationToken ct = default)
    {
        var keys = Keys(orderId);
        if (keys.Count == 0)
        {
            return false;
        }

        var counts = await counters.CountAsync(keys.Select(k => k.Key).ToList(), Window, ct);
        return keys.Any(k => counts[k.Key] >= k.Limit);
    }

    /// <summary>
    /// Counts a wrong code. True when this guess went past a limit: the caller answers "too many"
    /// instead of "not valid". Counting is one atomic upsert per key, so parallel guesses each get
    /// their own count and no more than the limit are ever answered for real.
    /// </summary>
    public async Task<bool> RecordWrongAsync(Guid? orderId, CancellationToken ct = default)
    {
        var keys = Keys(orderId);
        if (keys.Count == 0)
        {
            return false;
        }

        var counts = await counters.AddAsync(keys.Select(k => k.Key).ToList(), Window, ct);
        return counts.Where((count, i) => count > keys[i].Limit).Any();
    }

    private List<(string Key, int Limit)> Keys(Guid? orderId)
    {
        var keys = new List<(string, int)>();
        if (client.Get().Address is { } address)
        {
            keys.Add(("coupon-address:" + address, PerAddress));
        }

        if (orderId is { } id)
        {
            keys.Add(("coupon-order:" + id.ToString("N"), PerOrder));
        }

        return keys;
    }
}
