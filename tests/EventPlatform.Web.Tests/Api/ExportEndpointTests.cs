using System.Net;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Exports;
using EventPlatform.TestSupport.Web;

namespace EventPlatform.Web.Tests.Api;

/// <summary>The export downloads over real HTTP (Kestrel): who may download, what comes back, and what is refused.</summary>
public sealed class ExportEndpointTests : IAsyncLifetime
{
    private const string Password = "Export-passw0rd";
    private TestApp _app = default!;
    private SellableEvent _sale = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync("exports-http");
        _app.StartKestrel();
        var analyst = await _app.AddUserWithPasswordAsync("analyst@riverside.test", Password);
        var outsider = await _app.AddUserWithPasswordAsync("outsider@elsewhere.test", Password);
        var organization = await _app.Db.AddOrganizationAsync("riverside", (analyst.Id, OrgRole.Analyst));
        await _app.Db.AddOrganizationAsync("elsewhere", (outsider.Id, OrgRole.Owner));
        _sale = await _app.Db.AddSellableEventAsync(organization.Id, "summer-series", [10, 10],
            new SeedTicketType("Full series", 5000, [0, 1]), new SeedTicketType("Day 2", 3000, [1]));
        await _app.Db.AddPaidTicketsAsync(_sale, "Full series", 3, new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await _app.Db.AddPaidTicketsAsync(_sale, "Day 2", 2, new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAnalyst_DownloadsAttendeesAsCsvAndXlsx_AsAttachments_FilteredBySession()
    {
        using var client = await SignedInAsync("analyst@riverside.test");

        using var csv = await client.GetAsync($"/events/{_sale.EventId}/exports/attendees.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^summer-series-attendees-\d{4}-\d{2}-\d{2}\.csv$", csv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", csv.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var records = ExportFiles.ReadCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(6, records.Count);
        Assert.Equal("Attendee name", records[0][0]);

        using var xlsx = await client.GetAsync($"/events/{_sale.EventId}/exports/attendees.xlsx?session={_sale.SessionIds[0]}&status=Paid");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = ExportFiles.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Empty(sheet.ValidationErrors);
        // Only the full-series tickets include the first session.
        Assert.Equal(3, sheet.Rows.Count);
        // AddPaidTicketsAsync sells every ticket at €5.00.
        Assert.All(sheet.Rows, r => Assert.Equal(5, r["Unit price"].Number));

        using var orders = await client.GetAsync($"/events/{_sale.EventId}/exports/orders.csv?from=2026-05-02&to=2026-05-02");
        Assert.Equal(2, ExportFiles.ReadCsv(await orders.Content.ReadAsByteArrayAsync()).Count);
    }

    [Fact]
    public async Task SomeoneOfAnotherOrganization_FindsNothing_AndASignedOutVisitorIsSentToSignIn()
    {
        using var outsider = await SignedInAsync("outsider@elsewhere.test");
        using var anonymous = _app.CreateBrowserLikeClient();

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/events/{_sale.EventId}/exports/orders.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/events/{Guid.NewGuid()}/exports/orders.xlsx")).StatusCode);
        var signedOut = await anonymous.GetAsync($"/events/{_sale.EventId}/exports/orders.csv");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/Account/Login", signedOut.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders.pdf", "Export orders.csv, orders.xlsx, attendees.csv or attendees.xlsx.")]
    [InlineData("orders.csv?status=1", "'status' must be one of Pending, Paid, Cancelled, Expired.")]
    [InlineData("orders.csv?status=Paid,Expired", "'status' must be one of")]
    [InlineData("orders.csv?session=S1", "'session' must be a session id of this event.")]
    [InlineData("orders.csv?type=00000000-0000-0000-0000-000000000001", "'type': Choose a ticket type of this event")]
    [InlineData("attendees.csv?from=2026-13-01", "'from' must be a date written yyyy-MM-dd.")]
    [InlineData("attendees.csv?from=2026-05-02&to=2026-05-01", "'to': The end date must be on or after the start date.")]
    [InlineData("attendees.csv?to=2026-05-01&to=2026-05-02", "Give 'to' once.")]
    [InlineData("attendees.xlsx?sort=name", "Unknown filter 'sort'")]
    public async Task BadValues_AreRefusedWith400_AndAMessageNamingThem(string path, string message)
    {
        using var client = await SignedInAsync("analyst@riverside.test");

        using var response = await client.GetAsync($"/events/{_sale.EventId}/exports/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCheckInList_IsServedToAnAnalyst_AndNotFoundForOthers()
    {
        using var analyst = await SignedInAsync("analyst@riverside.test");
        using var outsider = await SignedInAsync("outsider@elsewhere.test");
        var path = $"/events/{_sale.EventId}/sessions/{_sale.SessionIds[1]}/check-in-list";

        var page = await analyst.GetStringAsync(path);
        Assert.Contains("Check-in list: S2 Day 2</h1>", page, StringComparison.Ordinal);
        Assert.Contains("5 valid tickets", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateBrowserLikeClient();
        var signIn = await StaticForms.PostAsync(client, "/Account/Login", "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
