namespace EventPlatform.Core.Payments;

/// <summary>An order whose payment has not reached an end we know of.</summary>
/// <param name="NoLongerHeldSince">When an expired order's hold ended; null while it is still pending.</param>
public sealed record UnsettledPayment(Guid OrderId, string OrderNumber, string IntentId, DateTimeOffset? NoLongerHeldSince);

/// <summary>
/// Hands out unsettled payments to reconcile so that several app instances share the work without
/// asking the gateway about the same order twice in one round (implemented in Data with
/// <c>FOR UPDATE SKIP LOCKED</c>, stamping <c>payment_checked_at</c> in the same statement).
/// </summary>
public interface IPaymentReconciliationQueue
{
    /// <summary>
    /// Claims up to <paramref name="max"/> Pending or Expired orders of <paramref name="provider"/>
    /// with an intent attached before <paramref name="startedBefore"/>, no refund for it, not closed,
    /// and not checked since <paramref name="checkedBefore"/>; least recently checked first.
    /// </summary>
    Task<IReadOnlyList<UnsettledPayment>> ClaimAsync(string provider, DateTimeOffset startedBefore, DateTimeOffset checkedBefore, DateTimeOffset now,
        int max, CancellationToken ct);
}
