using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Data.Hosting;

/// <summary>Applies pending EF Core migrations at start-up, before the app takes requests.</summary>
internal sealed class DatabaseMigrator(DbContextOptions<EventPlatformDbContext> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // On an empty database EF probes the (missing) history table and logs that probe as a failed
        // command; for this context only, such command errors are debug noise, not errors.
        var quiet = new DbContextOptionsBuilder<EventPlatformDbContext>(options)
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug)))
            .Options;
        await using var db = new EventPlatformDbContext(quiet);
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
