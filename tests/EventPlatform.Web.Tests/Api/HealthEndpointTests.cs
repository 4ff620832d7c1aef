using System.Net;
using System.Text.Json;
using EventPlatform.TestSupport.Web;

namespace EventPlatform.Web.Tests.Api;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() =>
        _app = await TestApp.CreateAsync("health", environment: "Production",
            settings: new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ready_ReportsTheDatabaseTheLiveRelayAndEachWorkersLastRun()
    {
        // The relay connects and the workers make their first pass during start-up.
        JsonDocument report;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await _app.CreateClient().GetAsync("/health/ready");
            report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var reconciled = report.RootElement.GetProperty("checks").GetProperty("workers").GetProperty("data")
                .TryGetProperty("payment-reconciliation", out var worker) && worker.GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String;
            if ((response.StatusCode == HttpStatusCode.OK && reconciled) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            }

            report.Dispose();
            await Task.Delay(200);
        }

        using (report)
        {
            var checks = report.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("live-relay").GetProperty("status").GetString());
            var workers = checks.GetProperty("workers").GetProperty("data");
            var expected = new[]
            {
                "payment-reconciliation", "holds-and-refunds", "email-outbox", "event-lifecycle", "reminders", "attendee-messages",
                "simulated-webhooks",
            };
            foreach (var name in expected)
            {
                Assert.True(workers.TryGetProperty(name, out var worker), $"{name} missing from {workers}");
                Assert.Equal(0, worker.GetProperty("failures").GetInt64());
            }

            Assert.Equal(JsonValueKind.String, workers.GetProperty("payment-reconciliation").GetProperty("lastSuccessAt").ValueKind);
        }
    }

    [Fact]
    public async Task Live_AnswersWithoutCheckingDependencies()
    {
        var response = await _app.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(report.RootElement.GetProperty("checks").EnumerateObject());
    }
}

public sealed class HealthWithoutDatabaseTests
{
    [Fact]
    public async Task Ready_Is503_WhenTheDatabaseIsUnreachable()
    {
        // The app starts (migrations need the database, so the migrator is removed), and readiness says no.
        await using var app = await TestApp.CreateAsync("health-down", environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["ConnectionStrings:Default"] = "Host=/tmp/ep-no-such-socket;Port=5432;Username=postgres;Database=none;Timeout=2",
        });
        using var client = app.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)).ToList())
            {
                services.Remove(hosted);
            }
        })).CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
