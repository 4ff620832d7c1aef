using System.Net.Http.Json;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using EventPlatform.TestSupport;

namespace EventPlatform.Faults.Infrastructure;

/// <summary>
/// One scenario's world: a database of its own with an organization and an on-sale event, a real
/// SMTP server, and the environment the app process is started with (simulated gateway, fault
/// driver on, reconciliation every 2 s). The app comes and goes; this stays.
/// </summary>
public sealed class FaultBench : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_fault_suite_secret";

    private FaultBench(CoreServices services, SmtpTestServer smtp, SellableEvent sale, string dataDirectory)
    {
        Services = services;
        Smtp = smtp;
        Sale = sale;
        DataDirectory = dataDirectory;
    }

    public CoreServices Services { get; }
    public SmtpTestServer Smtp { get; }
    public SellableEvent Sale { get; }
    public string DataDirectory { get; }

    public Guid TicketTypeId => Sale.TypeIds["Standard"];

    public static async Task<FaultBench> CreateAsync(string purpose, int capacity)
    {
        var services = await CoreServices.CreateAsync("faults-" + purpose);
        var smtp = await SmtpTestServer.StartAsync();
        var manager = await services.Db.AddUserAsync("manager@faults.test");
        var organization = await services.Db.AddOrganizationAsync("faults-" + purpose, (manager.Id, OrgRole.Owner));
        var sale = await services.Db.AddSellableEventAsync(organization.Id, "fault-" + purpose, [capacity],
            new SeedTicketType("Standard", 2500, [0], MaxPerOrder: 4));
        var settings = services.Get<ISettingsService>();
        // Ask the gateway about an unconfirmed payment at the first round after a restart.
        await settings.SetAsync(SettingKeys.ReconcilePaymentsAfterMinutes, "0");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ep-faults-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dataDirectory);
        return new FaultBench(services, smtp, sale, dataDirectory);
    }

    /// <summary>The app's environment: what docker-compose would set, plus the suite's switches.</summary>
    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "FaultInjection",
            ["ConnectionStrings__Default"] = Services.ConnectionString + ";Maximum Pool Size=40",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Smtp__TimeoutSeconds"] = "5",
            ["Payments__WebhookSecret"] = WebhookSecret,
            ["Payments__ReconciliationInterval"] = "00:00:02",
            ["Storage__DataDirectory"] = DataDirectory,
            ["Faults__Enabled"] = "true",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public Task<AppProcess> StartAppAsync(IReadOnlyDictionary<string, string>? extra = null) => AppProcess.StartAsync(Environment(extra));

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under this run's temporary folder anyway.
        }
    }
}

/// <summary>The suite's buyers: the fault driver's endpoints over HTTP.</summary>
public sealed class Buyers(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public sealed record Purchase(string? OrderKey, string Step, string? Status, string? Error);

    /// <summary>One purchase; null when the app died (or refused the connection) meanwhile.</summary>
    /// <param name="closeTabAfterPaying">The card is accepted but the buyer never reaches the return page.</param>
    public async Task<Purchase?> BuyAsync(Guid eventId, Guid typeId, int quantity, string buyer, bool closeTabAfterPaying = false)
    {
        try
        {
            var response = await _http.PostAsync(
                $"/_faults/purchase?eventId={eventId}&ticketTypeId={typeId}&quantity={quantity}&buyer={buyer}" +
                $"&closeTabAfterPaying={closeTabAfterPaying}", null);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Purchase>() : new Purchase(null, "http", null,
                $"HTTP {(int)response.StatusCode}");
        }
        // A SocketException can escape HttpClient unwrapped when the app dies between connecting and the
        // first read (seen once: "Transport endpoint is not connected" from the connection's remote end point).
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException
            or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task<bool?> CancelAsync(string orderKey)
    {
        try
        {
            var response = await _http.PostAsync($"/_faults/cancel?key={Uri.EscapeDataString(orderKey)}", null);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
        {
            return null;
        }
    }

    /// <summary>Many buyers, <paramref name="parallel"/> at a time; returns what each got (null where the app died).</summary>
    public async Task<IReadOnlyList<Purchase?>> BuyManyAsync(FaultBench bench, int count, int parallel, string prefix,
        bool closeTabAfterPaying = false)
    {
        var results = new Purchase?[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                results[i] = await BuyAsync(bench.Sale.EventId, bench.TicketTypeId, 1 + (i % 3), $"{prefix}{i}", closeTabAfterPaying);
            }
        })));
        return results;
    }

    public async Task ArmAsync(string point, int onHit)
    {
        var response = await _http.PostAsync($"/_faults/arm?point={point}&onHit={onHit}", null);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
