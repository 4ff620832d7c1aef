using EventPlatform.Core.Common.Events;

namespace EventPlatform.Core.Catalog.Live;

/// <summary>Tells open event pages and dashboards (here and on other instances) that their event changed: once per event and commit.</summary>
public sealed class LivePagesOnCommit(IAvailabilityNotifier live) : IAfterCommitHandler
{
    public async Task HandleAsync(IReadOnlyList<IDomainEvent> committed, CancellationToken ct)
    {
        var events = committed.OfType<IChangesEventPage>().Select(e => e.EventId)
            .Concat(committed.OfType<CatalogChanged>().Where(c => c.EventId is not null).Select(c => c.EventId!.Value));
        foreach (var eventId in events.Distinct())
        {
            await live.ChangedAsync(eventId, ct);
        }
    }
}
