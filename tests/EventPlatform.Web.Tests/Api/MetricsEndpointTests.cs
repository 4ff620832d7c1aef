using System.Net;
using System.Net.Http.Headers;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Api;

/// <summary>
/// <c>/metrics</c> answers in Prometheus' text format with the product's counters, the workers' lag
/// and the framework's request metrics, over real Kestrel; and only to whom it may.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private Uri _base = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync("metrics", environment: "Production",
            settings: new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1" });
        _base = _app.StartKestrel();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Metrics_AnswerPrometheusText_WithHoldsWorkerLagAndRequests()
    {
        var organization = await _app.Db.AddOrganizationAsync("metrics-org");
        var sale = await _app.Db.AddSellableEventAsync(organization.Id, "metrics-night", [2], new SeedTicketType("Entry", 1000, [0]));
        Assert.True((await HoldAsync(sale, 2)).Succeeded);
        Assert.False((await HoldAsync(sale, 1)).Succeeded); // sold out: refused
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        // Wait for every series: the workers report their first pass during start-up, and the exporter
        // may answer from a scrape cached just before the holds were counted.
        string[] expected =
        [
            "eventplatform_holds_total{otel_scope_name=\"EventPlatform\",outcome=\"placed\"} 1",
            "eventplatform_holds_total{otel_scope_name=\"EventPlatform\",outcome=\"refused\"} 1",
            "eventplatform_worker_lag_seconds{",
        ];
        var text = await ScrapeUntilAsync(t => expected.All(e => t.Contains(e, StringComparison.Ordinal)));
        Assert.Contains("eventplatform_holds_total{otel_scope_name=\"EventPlatform\",outcome=\"placed\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("eventplatform_holds_total{otel_scope_name=\"EventPlatform\",outcome=\"refused\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE eventplatform_holds_total counter", text, StringComparison.Ordinal);
        Assert.Contains("worker=\"email-outbox\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health/live\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AreRefused_ThroughTheReverseProxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task WithAScrapeToken_OnlyTheTokenIsLetIn()
    {
        await using var app = await TestApp.CreateAsync("metrics-token", environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Metrics:ScrapeToken"] = "scrape-secret-123",
        });
        using var http = new HttpClient { BaseAddress = app.StartKestrel() };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics")
            { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-12") } };
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics")
            { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-123") } };
        var response = await http.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private async Task<CommandResult<HoldPlaced>> HoldAsync(SellableEvent sale, int quantity)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlaceHold>()
            .ExecuteAsync(new HoldRequest(sale.EventId, new Dictionary<Guid, int> { [sale.TypeIds["Entry"]] = quantity }));
    }

    /// <summary>Workers report their first pass during start-up; the exporter caches a scrape briefly.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> ready)
    {
        using var http = new HttpClient { BaseAddress = _base };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (ready(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(400);
        }
    }
}
