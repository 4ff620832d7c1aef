using EventPlatform.Core.Common;
using EventPlatform.Data.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>
/// The simulated gateway's own pool of contexts and connections. Its tables stand for Stripe's
/// servers, whose work in production never takes one of the app's connections; here it does not
/// either, so a burst of webhook deliveries cannot starve the buyers' pool, and the app's checkouts
/// can be told from the gateway's (the bench counts them apart by <see cref="ApplicationName"/>).
/// </summary>
public sealed class SimulatedGatewayDatabase
{
    /// <summary>The PostgreSQL application name of the gateway's connections (a pool of its own in Npgsql).</summary>
    public const string ApplicationName = "ep-simulated-gateway";

    /// <summary>
    /// Its calls are short (a read or one small transaction), so a few connections serve a busy
    /// on-sale; the cap keeps the app's pool, this one and the workers' within the server's
    /// max_connections (300 for the embedded cluster).
    /// </summary>
    private const int MaxConnections = 32;

    private readonly PooledDbContextFactory<EventPlatformDbContext> _contexts;

    public SimulatedGatewayDatabase(DatabaseConnectionString connection)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(connection.Value)
        {
            ApplicationName = ApplicationName,
            MaxPoolSize = MaxConnections,
        }.ConnectionString;
        var options = new DbContextOptionsBuilder<EventPlatformDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, connectionString);
        _contexts = new PooledDbContextFactory<EventPlatformDbContext>(options.Options, poolSize: 64);
    }

    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default)
    {
        var context = await _contexts.CreateDbContextAsync(cancellationToken);
        // As the app's contexts (AppDbContextFactory): no savepoint around each save in a transaction.
        context.Database.AutoSavepointsEnabled = false;
        return context;
    }
}
