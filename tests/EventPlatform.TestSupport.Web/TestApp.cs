using System.Net;
using System.Net.Sockets;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventPlatform.TestSupport.Web;

/// <summary>
/// The real application for tests, on a database of its own and (optionally) the test SMTP
/// server. <see cref="StartKestrel"/> serves it on a real port for a browser.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    // A second instance on another app's database leaves the dropping to its owner.
    private readonly bool _ownsDatabase;

    private TestApp(string environment, Dictionary<string, string?> settings, bool ownsDatabase)
    {
        _environment = environment;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>What webhook events to this app must be signed with (tests play Stripe with it).</summary>
    public const string WebhookSecret = "whsec_test_secret_for_the_app";

    public string ConnectionString => _settings["ConnectionStrings:Default"]!;

    /// <summary>The address the app listens on after <see cref="StartKestrel"/>.</summary>
    public Uri? BaseAddress { get; private set; }

    public IAppDbContextFactory Db => Services.GetRequiredService<IAppDbContextFactory>();

    /// <summary>Creates the app over a fresh database. Extra settings override the defaults given here.</summary>
    public static async Task<TestApp> CreateAsync(
        string purpose,
        SmtpTestServer? smtp = null,
        string environment = "Development",
        IDictionary<string, string?>? settings = null)
    {
        var ownDatabase = await TestPostgres.CreateDatabaseAsync(purpose);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ep-app-" + Guid.NewGuid().ToString("N")[..12]);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ownDatabase,
            ["Storage:DataDirectory"] = dataDirectory,
            ["DemoData:Enabled"] = "false",
            // Browser tests sign in many times from one address.
            ["RateLimits:PerIpPermits"] = "1000",
            ["RateLimits:PerEmailPermits"] = "100",
            ["Payments:WebhookSecret"] = WebhookSecret,
            // The app's own default, spelled out: Production requires it to be set.
            ["Site:BaseUrl"] = "http://localhost:5000",
        };
        if (smtp is not null)
        {
            all["Smtp:Host"] = "127.0.0.1";
            all["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            all["Smtp:Security"] = "None";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var ownsDatabase = all["ConnectionStrings:Default"] == ownDatabase;
        if (!ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(ownDatabase);
        }

        return new TestApp(environment, all, ownsDatabase);
    }

    /// <summary>Serves the app over HTTP on a free loopback port (for Playwright).</summary>
    public Uri StartKestrel()
    {
        var port = FreePort();
        UseKestrel(port);
        // Links in emails point at this server.
        _settings["Site:BaseUrl"] = $"http://127.0.0.1:{port}";
        StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        return BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A confirmed account with a password, made through Identity (as registration does).</summary>
    public async Task<Core.Accounts.ApplicationUser> AddUserWithPasswordAsync(string email, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.ApplicationUser>>();
        var user = new Core.Accounts.ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
            CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        return user;
    }

    /// <summary>Waits until each app's LISTEN relay is listening (it connects during start-up), so no NOTIFY is missed.</summary>
    public static async Task WaitForRelaysAsync(params TestApp[] apps)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        foreach (var app in apps)
        {
            var relay = app.Services.GetRequiredService<Data.Live.PostgresAvailabilityRelay>();
            while (relay.ListenerProcessId is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Xunit.Assert.NotNull(relay.ListenerProcessId);
        }
    }

    /// <summary>An HTTP client for the Kestrel server that keeps cookies and does not follow redirects, like a browser tab under test.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress ?? throw new InvalidOperationException("Call StartKestrel first."),
        };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
