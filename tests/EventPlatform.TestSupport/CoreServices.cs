using EventPlatform.Core;
using EventPlatform.Core.Common;
using EventPlatform.Data;
using EventPlatform.Data.Payments;
using EventPlatform.Data.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EventPlatform.TestSupport;

/// <summary>
/// Core's use cases wired to a real database of their own, with a controllable clock and caller:
/// what integration tests run against. Dispose it at the end of the test class.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    private CoreServices(ServiceProvider provider, string connectionString, FakeTimeProvider clock, TestCurrentUser caller, TestCurrentClient client)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Clock = clock;
        Caller = caller;
        Client = client;
    }

    /// <summary>The secret simulated (and test-made) webhook events are signed with.</summary>
    public const string WebhookSecret = "whsec_test_secret_for_core_services";

    public ServiceProvider Provider { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; }
    public TestCurrentUser Caller { get; }
    /// <summary>Where calls come from (no address and no device unless a test sets one, so no hold limits apply).</summary>
    public TestCurrentClient Client { get; }

    public IAppDbContextFactory Db => Provider.GetRequiredService<IAppDbContextFactory>();

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>A fresh database and services over it. <paramref name="configure"/> may add or replace services.</summary>
    public static async Task<CoreServices> CreateAsync(string purpose, Action<IServiceCollection>? configure = null)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(purpose);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var caller = new TestCurrentUser();
        var client = new TestCurrentClient();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Test classes run in parallel, each with a database of its own on one cluster: keep each pool modest.
                ["ConnectionStrings:Default"] = connectionString + ";Maximum Pool Size=50",
                ["Payments:WebhookSecret"] = WebhookSecret,
                ["Site:BaseUrl"] = "https://tickets.test",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ICurrentUser>(caller);
        services.AddSingleton<ICurrentClient>(client);
        services.AddCore();
        services.AddData(configuration, NullLogger.Instance);
        services.Configure<Core.Common.SiteOptions>(configuration.GetSection(Core.Common.SiteOptions.SectionName));
        // Uploaded files go to a throwaway folder on disk (the app's own storage).
        services.AddSingleton<Core.Storage.IFileStorage>(new LocalDiskFileStorage(Path.Combine(Path.GetTempPath(),
            "ep-files-" + Guid.NewGuid().ToString("N")[..12])));
        // The simulated gateway (the only simulated part), delivering signed events to the real webhook handler.
        services.AddPaymentGateway(configuration);
        configure?.Invoke(services);
        return new CoreServices(services.BuildServiceProvider(), connectionString, clock, caller, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
