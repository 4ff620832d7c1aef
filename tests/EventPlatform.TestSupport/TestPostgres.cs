using EventPlatform.Data;
using EventPlatform.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EventPlatform.TestSupport;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (the app's own launcher, fsync off), with a
/// migrated template database; each test class gets a fresh database copied from the template,
/// which takes milliseconds instead of re-running migrations.
/// </summary>
public static class TestPostgres
{
    public const string TemplateDatabase = "ep_template";
    private static readonly Lazy<Task<LocalPostgresCluster>> Cluster = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCounter;

    /// <summary>Creates an empty, fully migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var cluster = await Cluster.Value;
        var name = Truncate($"ep_{Sanitize(purpose)}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                cluster.CreateDatabaseIfMissing(name, TemplateDatabase);
                return cluster.ConnectionString(name);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // Another test is copying the template at this instant; copies are serialised by PostgreSQL.
                await Task.Delay(100 * attempt);
            }
        }
    }

    /// <summary>Creates a database with no schema at all (to test the migrations themselves).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var cluster = await Cluster.Value;
        var name = Truncate($"ep_empty_{Sanitize(purpose)}_{Guid.NewGuid():N}");
        cluster.CreateDatabaseIfMissing(name);
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// Drops a test's database, closing whatever connections its pool still holds. Without it,
    /// every finished test kept its idle pooled connections until Npgsql pruned them, and a
    /// parallel-buyers test late in the run met "too many clients already" (seen in CI).
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(database) || database == TemplateDatabase || !Cluster.IsValueCreated)
        {
            return;
        }

        var cluster = await Cluster.Value;
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand(
            $"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the test cluster (fast or immediate shutdown), keeps it down, starts it again.</summary>
    public static async Task RestartAsync(string mode, TimeSpan downFor)
    {
        var cluster = await Cluster.Value;
        await Task.Run(() => cluster.Restart(mode, downFor));
    }

    private static async Task<LocalPostgresCluster> StartAsync()
    {
        // Under TMPDIR (test.sh makes it a short /tmp folder and sweeps it afterwards).
        var folder = Path.Combine(Path.GetTempPath(), "ep-test-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = await Task.Run(() => LocalPostgresCluster.Start(
            new LocalPostgresOptions
            {
                DataDirectory = Path.Combine(folder, "postgres"),
                Database = TemplateDatabase,
                Durable = false,
                // However the test host ends, the cluster does not outlive it.
                StopWhenProcessExits = true,
                DeleteWhenStopped = folder,
                // Test classes run in parallel on this one cluster, and the naive-oversell control
                // alone opens 150 unpooled connections: headroom over the app's default of 300.
                ServerSettings = new Dictionary<string, string> { ["max_connections"] = "500" },
            },
            NullLogger.Instance));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.Stop();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean /tmp.
            }
            catch (UnauthorizedAccessException)
            {
            }
        };

        var options = new DbContextOptionsBuilder<EventPlatformDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, cluster.ConnectionString(TemplateDatabase));
        await using (var db = new EventPlatformDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    // PostgreSQL identifiers are limited to 63 bytes.
    private static string Truncate(string name) => name.Length <= 50 ? name : name[..50];

    private static string Sanitize(string purpose) =>
        new(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
}
