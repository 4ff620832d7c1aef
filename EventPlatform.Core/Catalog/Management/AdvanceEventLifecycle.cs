using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>
/// The clock's part of the life cycle, run by a hosted worker: publish Scheduled events whose time
/// has come, and complete Published events whose last session has ended. Conditional updates, so
/// every instance may run it.
/// </summary>
public sealed class AdvanceEventLifecycle(IAppDbContextFactory dbFactory, TimeProvider clock, ILogger<AdvanceEventLifecycle> logger)
{
    public async Task<(int Published, int Completed)> ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var published = await db.Events
            .Where(e => e.Status == EventStatus.Scheduled && e.PublishAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.PublishedAt, now), ct);
        var completed = await db.Events
            .Where(e => e.Status == EventStatus.Published && e.Sessions.Any() && e.Sessions.All(x => x.EndsAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Completed), ct);
        if (published + completed > 0)
        {
            db.Raise(new CatalogChanged(EventId: null));
            logger.LogInformation("Event life cycle: {Published} published, {Completed} completed", published, completed);
        }

        await transaction.CommitAsync(ct);
        return (published, completed);
    }
}
