using System.Globalization;
using System.Threading.RateLimiting;
using EventPlatform.Core.Common;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Keeps one person from holding a whole on-sale: a browser may have only a few unpaid orders open
/// at once, and one network address only so many held tickets per event. Checked in the hold's own
/// transaction under per-client advisory locks, so parallel requests from one client are counted
/// one after another, on every app instance alike.
/// </summary>
internal static class HoldLimits
{
    /// <summary>Call inside the hold's transaction, before its order is written. Null when the hold may go ahead.</summary>
    public static async Task<string?> ProblemAsync(IAppDbContext db, ClientIdentity client, Guid eventId, int tickets, PlatformSettings settings,
        DateTimeOffset now, CancellationToken ct)
    {
        // Always address first, then device: two holds lock in the same order and cannot deadlock.
        if (client.Address is { } address)
        {
            await LockAsync(db, "hold-address:" + address, ct);
            var held = await db.Orders
                .Where(o => o.Status == OrderStatus.Pending && o.HoldExpiresAt > now && o.ClientAddress == address && o.EventId == eventId)
                .SumAsync(o => o.Tickets.Count, ct);
            if (held + tickets > settings.MaxHeldTicketsPerAddressPerEvent)
            {
                return UserMessages.TooManyHeldFromAddress;
            }
        }

        if (client.Device is { } device)
        {
            await LockAsync(db, "hold-device:" + device, ct);
            var open = await db.Orders
                .CountAsync(o => o.Status == OrderStatus.Pending && o.HoldExpiresAt > now && o.ClientDevice == device, ct);
            if (open >= settings.MaxOpenHoldsPerDevice)
            {
                return string.Format(CultureInfo.InvariantCulture, UserMessages.TooManyOpenHolds, settings.MaxOpenHoldsPerDevice);
            }
        }

        return null;
    }

    private static Task LockAsync(IAppDbContext db, string key, CancellationToken ct) => db.Locks.NameAsync(key, ct);
}

/// <summary>
/// How often one client may even try to hold (per address and per device), so a script that
/// has reached its limits cannot keep the database busy asking. Per instance, in memory: the
/// limits that matter are <see cref="HoldLimits"/>, which hold across instances.
/// </summary>
public sealed class HoldAttemptRate : IDisposable
{
    /// <summary>Attempts per client per minute: far above a person clicking "Continue".</summary>
    public const int PerMinute = 30;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    /// <summary>False when the client has tried too often; a client with no address or device is not limited here.</summary>
    public bool TryAttempt(ClientIdentity client)
    {
        var allowed = true;
        foreach (var key in new[] { client.Address is null ? null : "a:" + client.Address, client.Device is null ? null : "d:" + client.Device })
        {
            if (key is not null)
            {
                using var lease = _limiter.AttemptAcquire(key);
                allowed &= lease.IsAcquired;
            }
        }

        return allowed;
    }

    public void Dispose() => _limiter.Dispose();
}
