using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;

namespace EventPlatform.Core.Common.Database;

/// <summary>
/// The row and named locks use cases take inside their transaction. Every change of an order's
/// state locks the order first, then the counters, so confirmation, expiry and cancellation of one
/// order happen strictly one after the other.
/// </summary>
public interface IRowLocks
{
    /// <summary>
    /// Locks the order row for update and loads its tickets (tracked). Null when there is no such order.
    /// </summary>
    /// <remarks>
    /// The tickets are read after the lock is granted, by a statement of their own: one that waited
    /// for the lock must see the newest tickets, or a ticket could be cancelled twice.
    /// </remarks>
    Task<Order?> OrderAsync(Guid orderId, CancellationToken ct);

    /// <summary>As <see cref="OrderAsync"/>, found by its access key (a buyer's step needs no separate look-up of the id).</summary>
    Task<Order?> OrderByKeyAsync(string accessKey, CancellationToken ct);

    /// <summary>
    /// As <see cref="OrderAsync"/>, but only if the order's current payment intent is
    /// <paramref name="intentId"/> (checked under the lock); else null. A webhook's common case in
    /// one statement instead of a look-up and a lock.
    /// </summary>
    Task<Order?> OrderPayingWithAsync(Guid orderId, string intentId, CancellationToken ct);

    /// <summary>
    /// Locks the order with its tickets only if it is still pending with its hold expired at
    /// <paramref name="now"/> and nobody else holds its lock (skipped, not waited for); else null.
    /// </summary>
    Task<Order?> ExpiredHoldOrNullAsync(Guid orderId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Locks the coupon row for update and returns it untracked.</summary>
    Task<Coupon> CouponAsync(Guid couponId, CancellationToken ct);

    /// <summary>
    /// Reads the event's status under a share lock: a change of the event's row (its cancellation)
    /// waits until this transaction ends.
    /// </summary>
    Task<EventStatus> EventStatusSharedAsync(Guid eventId, CancellationToken ct);

    /// <summary>
    /// Locks the event row for a change of its sessions. Takes the locks in the order confirmation
    /// takes them (event, then session): renaming a session also writes its event's row (the
    /// search covers session names), and the opposite order could deadlock with a buyer's payment.
    /// </summary>
    Task EventForSessionChangeAsync(Guid eventId, CancellationToken ct);

    /// <summary>Serialises transactions on a name (e.g. one device's holds) until this transaction ends.</summary>
    Task NameAsync(string key, CancellationToken ct);
}
