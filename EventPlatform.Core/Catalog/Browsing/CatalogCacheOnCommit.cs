using EventPlatform.Core.Common.Events;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>Drops the cached listings after a committed catalog change (and, through the relay, on the other instances).</summary>
public sealed class CatalogCacheOnCommit(CatalogCache cache) : IAfterCommitHandler
{
    public Task HandleAsync(IReadOnlyList<IDomainEvent> committed, CancellationToken ct)
    {
        if (committed.Any(e => e is CatalogChanged))
        {
            cache.Invalidate();
        }

        return Task.CompletedTask;
    }
}
