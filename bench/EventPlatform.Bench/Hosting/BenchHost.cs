using EventPlatform.Core;
using EventPlatform.Core.Catalog.Live;
using EventPlatform.Core.Common;
using EventPlatform.Data;
using EventPlatform.Data.Hosting;
using EventPlatform.Data.Live;
using EventPlatform.Data.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventPlatform.Bench;

/// <summary>
/// Its own PostgreSQL, started by the app's launcher with durable settings (fsync and
/// synchronous_commit on, as in production), and Core's use cases wired as the app wires them.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_bench";

    private BenchHost(string folder, LocalPostgresCluster cluster, ServiceProvider services, string connectionString)
    {
        Folder = folder;
        Cluster = cluster;
        Services = services;
        ConnectionString = connectionString;
    }

    /// <summary>The bench's throwaway folder: the database cluster and the web app's files.</summary>
    public string Folder { get; }

    public LocalPostgresCluster Cluster { get; }
    public ServiceProvider Services { get; }
    public string ConnectionString { get; }

    public IAppDbContextFactory Db => Services.GetRequiredService<IAppDbContextFactory>();

    public static async Task<BenchHost> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ep-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = LocalPostgresCluster.Start(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(folder, "pgdata"),
            Durable = true,
            ServerSettings = new Dictionary<string, string> { ["max_connections"] = "400", ["shared_buffers"] = "256MB",
                ["shared_preload_libraries"] = "pg_stat_statements" },
        }, NullLogger.Instance);
        var connectionString = cluster.ConnectionString() + ";Maximum Pool Size=300";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Payments:WebhookSecret"] = WebhookSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICurrentUser, AnonymousBuyer>();
        services.AddCore();
        services.AddData(configuration, NullLogger.Instance);
        // Every change notifies as in production (a NOTIFY after each commit); no page of this
        // process listens, the web app of the page and fan-out scenarios has its own hub.
        services.AddSingleton<ILiveAvailabilitySignals, NoPagesOpen>();
        services.AddSingleton<IAvailabilityNotifier, PostgresAvailabilityRelay>();
        services.AddPaymentGateway(configuration);
        var provider = services.BuildServiceProvider();
        // The string the app's contexts use (with its session options), so the bench's own
        // connections share their pool instead of opening a second one.
        connectionString = provider.GetRequiredService<DatabaseConnectionString>().Value;
        await using (var db = await provider.GetRequiredService<IDbContextFactory<EventPlatformDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        return new BenchHost(folder, cluster, provider, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Cluster.Dispose();
        // The bench's database is throwaway: remove its own folder (only ever one the bench made under /tmp).
        var folder = Path.GetFullPath(Folder);
        if (Path.GetFileName(folder.TrimEnd('/')).StartsWith("ep-bench-", StringComparison.Ordinal)
            && folder.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping server: the OS cleans /tmp eventually.
            }
        }
    }

    private sealed class NoPagesOpen : ILiveAvailabilitySignals
    {
        public void Signal(Guid eventId)
        {
        }

        public void SignalAll()
        {
        }
    }

    /// <summary>Buyers of a hot on-sale are guests.</summary>
    private sealed class AnonymousBuyer : ICurrentUser
    {
        public Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken = default) => Task.FromResult<Guid?>(null);
    }
}
