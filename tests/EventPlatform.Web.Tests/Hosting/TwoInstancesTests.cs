using System.Diagnostics;
using System.Net;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventPlatform.Web.Tests.Hosting;

/// <summary>
/// Two app instances (each its own host, DI container, caches, key ring and Kestrel server) on one
/// PostgreSQL database, as behind the reverse proxy of docker-compose.yml. What one instance does,
/// the other sees: catalog changes at once (over LISTEN/NOTIFY), a sign-in cookie (shared Data
/// Protection keys), and the sign-in rate limits (counted in the database). Workers on both are
/// proven in the fault suite's TwoProcessesTests; live availability in LiveAvailabilityTests.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "Two-instances-passw0rd";

    private TestApp _a = default!;
    private TestApp _b = default!;

    public async Task InitializeAsync()
    {
        var limits = new Dictionary<string, string?> { ["RateLimits:PerEmailPermits"] = "3", ["RateLimits:PerIpPermits"] = "100" };
        _a = await TestApp.CreateAsync("two-a", settings: limits);
        _a.StartKestrel();
        _b = await TestApp.CreateAsync("two-b", settings: new Dictionary<string, string?>(limits)
            { ["ConnectionStrings:Default"] = _a.ConnectionString });
        _b.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task ACatalogChangeOnOneInstance_ClearsTheOthersCachedListings_AtOnce()
    {
        await TestApp.WaitForRelaysAsync(_a, _b);
        var organization = await _a.Db.AddOrganizationAsync("two-org");
        await _a.Db.AddSellableEventAsync(organization.Id, "first-night", [10], new SeedTicketType("Entry", 1000, [0]));
        var query = new CatalogQuery(OrganizationSlug: "two-org");
        Assert.Equal(1, (await SearchOnBAsync(query)).Total);

        // A second event is published (here written directly, so that nothing has told B yet): B's
        // cached listing still shows one, which is what the relay is for.
        await _a.Db.AddSellableEventAsync(organization.Id, "second-night", [10], new SeedTicketType("Entry", 1000, [0]));
        Assert.Equal(1, (await SearchOnBAsync(query)).Total);

        // What every catalog use case does after its commit, on instance A.
        var changed = Stopwatch.GetTimestamp();
        _a.Services.GetRequiredService<CatalogCache>().Invalidate();
        var deadline = DateTime.UtcNow.AddSeconds(3);
        int total;
        while ((total = (await SearchOnBAsync(query)).Total) != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var took = Stopwatch.GetElapsedTime(changed);
        output.WriteLine(
            $"FIGURES catalog invalidation A → B: {took.TotalMilliseconds:0} ms (the cache lifetime is {CatalogCache.Lifetime.TotalSeconds:0} s)");
        Assert.Equal(2, total);
        Assert.True(took < CatalogCache.Lifetime / 5, $"took {took}");
    }

    [Fact]
    public async Task ASignInOnOneInstance_IsASignInOnTheOther()
    {
        await _a.AddUserWithPasswordAsync("both.places@example.com", Password);
        var cookies = new CookieContainer();
        using var onA = Client(_a, cookies);
        using var onB = Client(_b, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/account/profile")).StatusCode);

        var signIn = await StaticForms.PostAsync(onA, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "both.places@example.com",
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The cookie A issued (protected with the key ring in the database) opens B's account page.
        var profile = await onB.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("both.places@example.com", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInLimit_CountsAttemptsOnBothInstances()
    {
        var cookies = new CookieContainer();
        using var onA = Client(_a, cookies);
        using var onB = Client(_b, cookies);
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { onA, onB, onA })
        {
            statuses.Add((await WrongPasswordAsync(client)).StatusCode);
        }

        // Three attempts (the limit for one email) spread over both; the fourth is refused wherever it lands.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongPasswordAsync(onB)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongPasswordAsync(onA)).StatusCode);
    }

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client) =>
        client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "guessed@example.com",
            ["Input.Password"] = "not-the-password-1",
        }));

    private static HttpClient Client(TestApp app, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = app.BaseAddress };

    private async Task<CatalogResults> SearchOnBAsync(CatalogQuery query)
    {
        await using var scope = _b.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BrowseCatalog>().SearchAsync(query);
    }
}
