using System.Net;
using System.Text.RegularExpressions;
using EventPlatform.Core.Organizations.Pages;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;

namespace EventPlatform.Web.Tests.Organizations;

/// <summary>
/// An organization's content pages as the real app serves them: one h1, the site's navigation, the body sanitized on
/// the way out (it is stored as typed), drafts and unknown pages answering the not-found page, the sitemap.
/// </summary>
public sealed partial class ContentPageHttpTests : IAsyncLifetime
{
    private const string HostileBody = """
        # Be kind

        **Everyone** is welcome.<script>alert('stolen')</script>
        <img src="/media/x.png" onerror="alert(1)" alt="map"> <a href="javascript:alert(2)" onclick="alert(3)">click</a>
        <div onmouseover="alert(4)" style="position:fixed">covering</div>
        """;

    private TestApp _app = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync("content-pages-http");
        _app.StartKestrel();
        _client = _app.CreateBrowserLikeClient();
        var organization = await _app.Db.AddOrganizationAsync("harbour-arts");
        var now = DateTimeOffset.UtcNow;
        await using var db = await _app.Db.CreateAsync();
        db.ContentPages.AddRange(
            Page(organization.Id, "Code of conduct", "code-of-conduct", HostileBody, true, 2, now),
            Page(organization.Id, "FAQ", "faq", "Ask us anything.", true, 1, now),
            Page(organization.Id, "Secret plans", "secret-plans", "Not yet.", false, 3, now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task APublishedPage_HasOneHeading_TheSitesNavigation_AndASanitizedBody()
    {
        var response = await _client.GetAsync("/o/harbour-arts/code-of-conduct");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headings = H1().Matches(html);
        Assert.Equal("Code of conduct", Assert.Single(headings).Groups[1].Value.Trim());
        var navigation = Navigation().Match(html);
        Assert.True(navigation.Success, "no navigation landmark labelled \"harbour-arts pages\"");
        Assert.Equal(["/o/harbour-arts", "/o/harbour-arts/faq", "/o/harbour-arts/code-of-conduct"],
            Href().Matches(navigation.Value).Select(m => m.Groups[1].Value));
        Assert.Contains("aria-current=\"page\"", navigation.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-plans", html, StringComparison.Ordinal);

        var body = Body().Match(html).Groups[1].Value;
        Assert.Contains("<strong>Everyone</strong>", body, StringComparison.Ordinal);
        Assert.Contains("<h3>Be kind</h3>", body, StringComparison.Ordinal); // the page owns its h1
        Assert.DoesNotMatch("(?i)<script|\\son\\w+\\s*=|javascript:|style\\s*=", body);
        Assert.DoesNotContain("alert", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/o/harbour-arts/secret-plans")]
    [InlineData("/o/harbour-arts/no-such-page")]
    [InlineData("/o/no-such-org/faq")]
    [InlineData("/o/harbour-arts/FAQ%20")]
    public async Task ADraftOrUnknownPage_IsTheNotFoundPage(string path)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrganizationsHome_ListsItsPublishedPagesInOrder()
    {
        var html = await _client.GetStringAsync("/o/harbour-arts");

        Assert.Equal("harbour-arts", Assert.Single(H1().Matches(html)).Groups[1].Value.Trim());
        var navigation = Navigation().Match(html).Value;
        Assert.Equal(["/o/harbour-arts", "/o/harbour-arts/faq", "/o/harbour-arts/code-of-conduct"],
            Href().Matches(navigation).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task TheSitemap_HasThePublishedPages_NotTheDraft()
    {
        var xml = await _client.GetStringAsync("/sitemap.xml");

        Assert.Contains("/o/harbour-arts/faq</loc>", xml, StringComparison.Ordinal);
        Assert.Contains("/o/harbour-arts/code-of-conduct</loc>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-plans", xml, StringComparison.Ordinal);
    }

    private static ContentPage Page(Guid organizationId, string title, string slug, string body, bool published, int order,
        DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(), OrganizationId = organizationId, Title = title, Slug = slug, Body = body, IsPublished = published,
            SortOrder = order, CreatedAt = now, UpdatedAt = now,
        };

    [GeneratedRegex("<h1[^>]*>([^<]*)</h1>")]
    private static partial Regex H1();

    [GeneratedRegex("<nav[^>]*aria-label=\"harbour-arts pages\"[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Navigation();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("data-testid=\"content-page-body\">(.*?)</div>\\s*</article>", RegexOptions.Singleline)]
    private static partial Regex Body();
}
