using System.Net;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventPlatform.Web.Tests.Security;

/// <summary>
/// No value from the address bar or a form produces a 5xx or the error page. Walks every route the
/// app maps, signed in as an organizer, with hostile route values, query values and form bodies; a
/// foreign organization's ids must be "not found", never an error.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "Walker-passw0rd";
    // What only the error page shows (the shell's hidden reconnect banner also says "Something went wrong").
    private const string ErrorPageMarker = "data-testid=\"error-reference\"";
    private TestApp _app = default!;
    private Guid _ownOrganization;
    private Guid _foreignOrganization;
    private Guid _foreignEvent;
    private string _foreignSlug = "";

    /// <summary>Nul, control and format characters, a huge value, wrong types, out-of-range numbers, traversal and markup.</summary>
    private static readonly string[] HostileValues =
    [
        "%00", "a%00b", "%09%0d%0a", "%E2%80%AE", new string('x', 10_000), "abc", "maybe", "-1", "99999999999999999999",
        "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", "%25", "%FF%FE",
    ];

    /// <summary>Every query parameter a page or endpoint reads.</summary>
    private static readonly string[] QueryNames =
    [
        "q", "category", "from", "to", "price", "sort", "available", "organization", "page", "returnUrl", "ReturnUrl",
        "token", "code", "Code", "userId", "UserId", "email", "Email", "key", "session", "width",
    ];

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync("hostile");
        // Over real HTTP: the in-memory test server refuses some hostile paths before the app sees them.
        _app.StartKestrel();
        var user = await _app.AddUserWithPasswordAsync("walker@a.test", Password);
        _ownOrganization = (await _app.Db.AddOrganizationAsync("walker-org", (user.Id, OrgRole.Owner))).Id;

        var stranger = await _app.Db.AddUserAsync("stranger@b.test");
        _foreignOrganization = (await _app.Db.AddOrganizationAsync("stranger-org", (stranger.Id, OrgRole.Owner))).Id;
        var sale = await _app.Db.AddSellableEventAsync(_foreignOrganization, "stranger-event", [10], new SeedTicketType("Day", 1000, [0]));
        _foreignEvent = sale.EventId;
        _foreignSlug = sale.Slug;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryRoute_WithHostileValues_AnswersWithoutA5xxOrTheErrorPage()
    {
        using var client = await SignedInClientAsync();

        var routes = Routes();
        Assert.True(routes.Count >= 30, $"Only {routes.Count} routes found: {string.Join(", ", routes.Select(r => r.Pattern))}");
        var failures = new List<string>();
        var requests = 0;
        foreach (var (pattern, methods) in routes)
        {
            foreach (var path in Paths(pattern))
            {
                foreach (var method in methods)
                {
                    foreach (var request in Requests(method, path))
                    {
                        requests++;
                        var target = request.RequestUri!.ToString();
                        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                        var body = await response.Content.ReadAsStringAsync();
                        if ((int)response.StatusCode >= 500 || body.Contains(ErrorPageMarker, StringComparison.Ordinal))
                        {
                            failures.Add($"{method} {Shorten(target)} → {(int)response.StatusCode}" +
                                $"{(body.Contains(ErrorPageMarker, StringComparison.Ordinal) ? " (error page)" : "")}");
                        }

                        request.Dispose();
                    }
                }
            }
        }

        output.WriteLine($"{routes.Count} routes, {requests} requests, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(300)));
    }

    [Theory]
    [InlineData("/events/{foreignEvent}/check-in")]
    [InlineData("/events/{foreignEvent}/manage")]
    [InlineData("/events/{foreignEvent}/manage/orders")]
    [InlineData("/org/{foreignOrganization}")]
    [InlineData("/org/{foreignOrganization}/events")]
    [InlineData("/org/{foreignOrganization}/events/new")]
    [InlineData("/org/{foreignOrganization}/coupons")]
    [InlineData("/org/{foreignOrganization}/members")]
    [InlineData("/org/{foreignOrganization}/settings")]
    [InlineData("/org/{foreignOrganization}/pages")]
    [InlineData("/org/{foreignOrganization}/pages/new")]
    public async Task AnotherOrganizationsPage_IsNotFound(string pattern)
    {
        using var client = await SignedInClientAsync();

        var response = await client.GetAsync(pattern.Replace("{foreignEvent}", _foreignEvent.ToString(), StringComparison.Ordinal)
            .Replace("{foreignOrganization}", _foreignOrganization.ToString(), StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine(System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", " ")[..Math.Min(body.Length, 3000)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(ErrorPageMarker, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    public async Task AFormSentToNoPage_GetsTheNotFoundPage_NotAnAntiforgeryError(string method)
    {
        // Status pages re-execute the request; as a POST, /not-found used to read the form and fail antiforgery with a 400.
        using var client = await SignedInClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/no-such-page")
            { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }) };

        var response = await client.SendAsync(request);

        // 405: the interactive router's fallback answers GET only; either way, the not-found page.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANulInASignInForm_IsABadRequestWithAPlainExplanation()
    {
        using var client = await SignedInClientAsync();

        var response = await StaticForms.PostAsync(client, "/Account/MagicLink", "magic-link",
            new Dictionary<string, string> { ["Input.Email"] = "walker\0@a.test" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not read what was sent", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ErrorPageMarker, body, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = _app.CreateBrowserLikeClient();
        var signIn = await StaticForms.PostAsync(client, "/Account/Login", "login",
            new Dictionary<string, string> { ["Input.Email"] = "walker@a.test", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private List<(string Pattern, string[] Methods)> Routes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"]))
            // The framework's own endpoints (circuits, static files) are not ours to harden here.
            // /Error is the error page itself (SecurityHeadersTests checks it shows the correlation id).
            .Where(r => !r.Pattern.StartsWith("/_", StringComparison.Ordinal) && r.Pattern != "/Error"
                && (!r.Pattern.Contains('.', StringComparison.Ordinal) || r.Pattern.Contains('{', StringComparison.Ordinal)
                    || r.Pattern.EndsWith(".xml", StringComparison.Ordinal)))
            .GroupBy(r => r.Pattern)
            .Select(g => (g.Key, g.SelectMany(r => r.Methods).Distinct().ToArray()))
            .OrderBy(r => r.Key)
            .ToList();

    /// <summary>The route with each parameter filled by each hostile value (guid parameters: foreign, unknown and own ids).</summary>
    private IEnumerable<string> Paths(string pattern)
    {
        if (!pattern.Contains('{', StringComparison.Ordinal))
        {
            yield return pattern;
            yield break;
        }

        var guidValues = new[] { _foreignEvent.ToString(), _foreignOrganization.ToString(), Guid.NewGuid().ToString(), Guid.Empty.ToString(),
            _ownOrganization.ToString() };
        var values = pattern.Contains(":guid", StringComparison.Ordinal)
            ? guidValues
            : HostileValues.Append(_foreignSlug).Append(_foreignEvent.ToString());
        foreach (var value in values)
        {
            yield return System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", value);
        }
    }

    private static IEnumerable<HttpRequestMessage> Requests(string method, string path)
    {
        if (method == "GET")
        {
            yield return new HttpRequestMessage(HttpMethod.Get, path);
            foreach (var value in HostileValues)
            {
                yield return new HttpRequestMessage(HttpMethod.Get, path + "?" + string.Join('&', QueryNames.Select(n => n + "=" + value)));
            }

            yield break;
        }

        // Forms and endpoints: no antiforgery token, a wrong content type, junk fields and a junk body.
        yield return new HttpRequestMessage(new HttpMethod(method), path)
            { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x\0y", ["Input.Email"] = "a\0b" }) };
        yield return new HttpRequestMessage(new HttpMethod(method), path)
            { Content = new StringContent("{\"id\":\"\0\",\"type\":[1,2]}", System.Text.Encoding.UTF8, "application/json") };
        yield return new HttpRequestMessage(new HttpMethod(method), path + "?returnUrl=%00")
            { Content = new ByteArrayContent([0xFF, 0xFE, 0x00, 0x01]) };
    }

    private static string Shorten(string target) => target.Length > 160 ? target[..160] + "…" : target;
}
