using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Data.Hosting;

/// <summary>Applies pending EF Core migrations at start-up, before the app takes requests.</summary>
internal sealed class DatabaseMigrator(IDbContextFactory<EventPlatformDbContext> dbFactory, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // MigrateAsync checks the history table's existence itself; asking for pending migrations
        // first would log a failed query on an empty database.
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
