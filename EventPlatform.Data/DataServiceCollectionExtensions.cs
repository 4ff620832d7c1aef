using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Data.Hosting;
using EventPlatform.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EventPlatform.Data;

/// <summary>Registers the database: an external PostgreSQL when configured, else the embedded cluster.</summary>
public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Default";

    /// <summary>
    /// Uses <c>ConnectionStrings:Default</c> when set; otherwise starts the embedded cluster in
    /// <c>{Storage:DataDirectory}/postgres</c> (default <c>.data/postgres</c> of the working folder).
    /// Migrations are applied by a hosted service at start-up.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, ILogger startupLogger)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = configuration["Storage:DataDirectory"] ?? ".data";
            var cluster = LocalPostgresCluster.Start(
                new LocalPostgresOptions { DataDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "postgres") },
                startupLogger);
            // Registered through a factory so the container disposes (stops) it even when start-up fails later.
            services.AddSingleton(_ => cluster);
            // First hosted service registered, so it stops last: after the workers that use the database.
            services.AddHostedService<LocalPostgresLifetime>();
            connectionString = cluster.ConnectionString();
        }

        connectionString = WithoutJit(connectionString!);
        // Pooled: a hot on-sale creates several contexts per purchase, and building a context's
        // internal services each time was a measurable share of the CPU (measured in the hot
        // on-sale profile).
        services.AddPooledDbContextFactory<EventPlatformDbContext>((sp, options) =>
        {
            ConfigureNpgsql(options, connectionString);
            options.AddInterceptors(new Common.Events.AfterCommitInterceptor(sp.GetRequiredService<Core.Common.Events.AfterCommitDispatcher>()));
            if (sp.GetService<IOutboxWakeUp>() is { } wakeUp)
            {
                options.AddInterceptors(new OutboxWakeUpInterceptor(wakeUp));
            }
        });
        // Identity's stores and Data Protection want a scoped DbContext; everything else uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EventPlatformDbContext>>().CreateDbContext());
        services.AddSingleton(new Live.DatabaseConnectionString(connectionString!));
        services.AddSingleton<IAppDbContextFactory, AppDbContextFactory>();
        services.AddSingleton<Core.Common.Database.IDatabaseErrors>(Common.Database.PostgresErrors.Instance);
        services.AddSingleton<IOutboxLeases, OutboxLeases>();
        services.AddSingleton<Core.Payments.IPaymentReconciliationQueue, Ordering.PaymentReconciliationQueue>();
        services.AddSingleton<Core.Catalog.Browsing.ICatalogSearch, Catalog.CatalogSearch>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// JIT compilation pays off for long analytical queries; the app's are short, yet a catalog
    /// listing over 10,000 events crossed PostgreSQL's cost threshold and spent 150 ms compiling a
    /// query that runs in 10 (profiled in the bench). Off for the app's connections, unless the
    /// configured connection string passes server options of its own.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    /// <summary>For a connection that keeps session state (LISTEN, a session advisory lock): its own, never returned to a pool.</summary>
    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>The one place the provider is configured (app, design time and tests).</summary>
    public static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention();
}
