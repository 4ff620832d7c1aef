namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Every change of the guard counters (<c>Taken</c>: places sold or held) of sessions and ticket
/// types goes through here, inside the caller's transaction (see docs/architecture.md, "Data
/// access"). An implementation changes the counters with conditional updates — a full session or
/// type refuses the change — and touches the rows in one fixed order (sessions by id, then ticket
/// types by id) so that two purchases can never deadlock on each other. A payment keeps the places
/// its hold took, so confirming an order needs nothing from here: the hottest rows of an on-sale are
/// locked once per purchase (docs/decisions/0005-one-guard-counter.md). Reserved seats and tables get
/// ledgers of their own beside this one.
/// </summary>
public interface ICapacityLedger
{
    /// <summary>
    /// Takes the places if every session and type has room; <c>Held</c> is false (and nothing kept)
    /// otherwise — the caller rolls back. Once the types' rows are locked it also reads which sessions
    /// each type includes now, so the caller can check that the sessions it counted are still the
    /// right ones (an organizer may have changed them since it read the event).
    /// </summary>
    Task<CapacityHold> TryHoldAsync(CapacityDemand demand, CancellationToken ct);

    /// <summary>Takes places again for a payment that arrived after its hold was released; false when they are gone.</summary>
    Task<bool> TryTakeAgainAsync(CapacityDemand demand, CancellationToken ct);

    /// <summary>Gives places back: a hold expired or was replaced, or paid tickets were cancelled.</summary>
    Task ReleaseAsync(CapacityDemand demand, CancellationToken ct);
}

/// <summary>The answer of <see cref="ICapacityLedger.TryHoldAsync"/>.</summary>
/// <param name="Held">Whether every session and type had room.</param>
/// <param name="SessionsOfTypesNow">For each ticket type of the demand, the sessions it includes as read under the row lock.</param>
public sealed record CapacityHold(bool Held, ILookup<Guid, Guid> SessionsOfTypesNow);

/// <summary>
/// A release that finds nothing to release means the counters and the tickets disagree: the ledger
/// stops the transaction rather than paper over it.
/// </summary>
public sealed class CapacityMismatchException()
    : InvalidOperationException("Capacity counters do not match the tickets being changed; the transaction was rolled back.");
