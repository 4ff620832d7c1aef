using System.Net;
using EventPlatform.TestSupport.Web;

namespace EventPlatform.Web.Tests.Hosting;

public sealed class PipelineTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() =>
        _app = await TestApp.CreateAsync("pipeline", environment: "Production",
            settings: new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        var response = await _app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task HomePage_HasNoInlineScript_SoTheCspHolds()
    {
        var html = await _app.CreateClient().GetStringAsync("/");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task CorrelationId_IsEchoed_WhenSane_AndReplaced_WhenNot()
    {
        var client = _app.CreateClient();
        using var sane = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        sane.Headers.Add("X-Correlation-Id", "abc-123");
        Assert.Equal("abc-123", Assert.Single((await client.SendAsync(sane)).Headers.GetValues("X-Correlation-Id")));

        using var insane = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        insane.Headers.Add("X-Correlation-Id", "<script>" + new string('x', 100));
        var replaced = Assert.Single((await client.SendAsync(insane)).Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{16}$", replaced);
    }

    [Fact]
    public async Task UnknownAddress_Gets404_WithAFriendlyPage()
    {
        var response = await _app.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("We could not find that page", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public async Task ErrorPage_ShowsTheRequestsCorrelationId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Error");
        request.Headers.Add("X-Correlation-Id", "ref-777");
        var html = await (await _app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("ref-777", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMailbox_DoesNotExistOutsideDevelopment()
    {
        var response = await _app.CreateClient().GetAsync("/dev/mailbox");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
