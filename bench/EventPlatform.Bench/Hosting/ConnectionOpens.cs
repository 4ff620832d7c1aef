using EventPlatform.Data.Live;
using EventPlatform.Data.Payments.Simulated;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>
/// Counts the pool checkouts of this process: Npgsql logs "Opened connection" (Debug, category
/// <c>Npgsql.Connection</c>) each time a connection is opened, which for a pooled connection is
/// a checkout of the pool — EF's per-query opens, transactions and raw Npgsql connections alike.
/// The simulated gateway's (Stripe's side in production) and the live relay's NOTIFYs are counted
/// apart, by the application name in their connection strings.
/// </summary>
internal sealed class ConnectionOpens : ILoggerProvider
{
    private static long _count;
    private static long _gateway;
    private static long _relay;
    private static volatile bool _counting;

    /// <summary>The app's checkouts (and the bench's own), but for the relay's and the gateway's.</summary>
    public static long Count => Interlocked.Read(ref _count);

    public static long GatewayCount => Interlocked.Read(ref _gateway);

    /// <summary>The live relay's NOTIFYs to other instances (coalesced per event, sent after the change).</summary>
    public static long RelayCount => Interlocked.Read(ref _relay);

    /// <summary>
    /// Counts while the returned scope lives. Only then is Npgsql's debug logging on: formatting its
    /// messages for every connection would cost the load runs measurable CPU.
    /// </summary>
    public static IDisposable Counting()
    {
        _counting = true;
        return new Stop();
    }

    /// <summary>Must run before the first connection of the process (Npgsql's logging is set once).</summary>
    public static void Install() =>
        NpgsqlLoggingConfiguration.InitializeLogging(LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug)
            .AddFilter((category, _) => category == "Npgsql.Connection").AddProvider(new ConnectionOpens())));

    public ILogger CreateLogger(string categoryName) => new Counter();

    public void Dispose()
    {
    }

    private sealed class Stop : IDisposable
    {
        public void Dispose() => _counting = false;
    }

    private sealed class Counter : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _counting && logLevel == LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!formatter(state, exception).StartsWith("Opened connection", StringComparison.Ordinal))
            {
                return;
            }

            var connectionString = state is IReadOnlyList<KeyValuePair<string, object?>> fields
                ? fields.FirstOrDefault(f => f.Key == "ConnectionString").Value as string ?? ""
                : "";
            if (connectionString.Contains(SimulatedGatewayDatabase.ApplicationName, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _gateway);
            }
            else if (connectionString.Contains(PostgresAvailabilityRelay.NotifyApplicationName, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _relay);
            }
            else
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
