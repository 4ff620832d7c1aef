using System.Security.Claims;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

[Collection(BrowserCollection.Name)]
public sealed class OrganizerOrdersTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Manager_CreatesACouponOnTheCouponsPage_AndSeesAPublishedEventWithoutOrders()
    {
        var manager = await fixture.CreateUserAsync("otto.orders@example.com", "Otto Orders");
        var organization = await fixture.App.Db.AddOrganizationAsync("otto-ceramics", (manager.Id, OrgRole.Manager));
        var eventId = await SeedPublishedEventAsync(manager.Id, organization.Id);
        var page = await fixture.NewSignedInPageAsync("otto.orders@example.com", 1280, 900);

        await page.GotoAsync($"org/{organization.Id}");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Coupons" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coupons", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=coupons-empty]")).ToBeVisibleAsync();

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create coupon" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Use 3 to 40 letters, digits, hyphens or underscores.")).ToBeVisibleAsync();

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("early-bird");
        await page.GetByLabel("Percent off").FillAsync("15");
        await page.GetByLabel("Redemption limit").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create coupon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "EARLY-BIRD", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "15% off", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "All events", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "0 / 100", Exact = true })).ToBeVisibleAsync();
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "coupons");

        await page.GotoAsync($"events/{eventId}/manage");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Glaze Night", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Orders" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=orders-empty]"))
            .ToHaveTextAsync("No orders yet. They appear here as soon as someone starts checking out.");
        await Assertions.Expect(page.GetByLabel("Search orders")).ToBeVisibleAsync();
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "event-orders-empty");
    }

    /// <summary>An event with one session and one ticket type, published, made through Core's use cases as the manager.</summary>
    private async Task<Guid> SeedPublishedEventAsync(Guid managerId, Guid organizationId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Outside a request the use cases learn who calls from the authentication state: act as the manager.
        var manager = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, managerId.ToString())], "seed"));
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(manager)));

        var created = await services.GetRequiredService<SaveEvent>().CreateAsync(organizationId, new EventDetails
        {
            Title = "Glaze Night",
            VenueName = "Riverside Studio",
            TimeZone = "Europe/Berlin",
            RefundableUntilHoursBefore = 48,
        });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var starts = new DateTimeOffset(2027, 11, 6, 18, 0, 0, TimeSpan.Zero);
        var session = await services.GetRequiredService<SaveSession>()
            .AddAsync(created.Value, new SessionDetails("Evening", starts, starts.AddHours(3), 20));
        Assert.True(session.Succeeded, string.Join("; ", session.Errors.Select(e => e.Message)));
        var type = await services.GetRequiredService<SaveTicketType>().AddAsync(created.Value, new TicketTypeDetails
        {
            Name = "Standard",
            SessionIds = [session.Value!.Id],
            PriceMinor = 2500,
        });
        Assert.True(type.Succeeded, string.Join("; ", type.Errors.Select(e => e.Message)));
        var published = await services.GetRequiredService<PublishEvent>().ExecuteAsync(created.Value);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
        return created.Value;
    }
}
