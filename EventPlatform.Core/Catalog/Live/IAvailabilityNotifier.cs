namespace EventPlatform.Core.Catalog.Live;

/// <summary>
/// Told after every committed change of an event's capacity (holds, purchases, expiries,
/// cancellations, catalog edits) so open pages can update. Call it after the commit, never
/// before: a page must never show a change that was rolled back. Delivery is best effort — a
/// failure to notify must never fail the purchase that caused it.
/// </summary>
public interface IAvailabilityNotifier
{
    Task ChangedAsync(Guid eventId, CancellationToken ct = default);
}

/// <summary>For hosts without live pages (tools, tests of other features).</summary>
public sealed class NoAvailabilityNotifier : IAvailabilityNotifier
{
    public Task ChangedAsync(Guid eventId, CancellationToken ct = default) => Task.CompletedTask;
}
