using EventPlatform.Core.Accounts;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Looks;

/// <summary>
/// Every page a person meets, at the four viewports (laptop, tablet landscape and portrait, phone):
/// none scrolls sideways, each has one h1 and landmarks, and the screenshots are there to be looked
/// at (TestResults/screenshots/tour-*). The kiosk has its own test; the development mailbox exists
/// only when the app sends no real email (this app sends to the tests' SMTP listener).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task EveryPage_FitsEveryViewport_WithOneHeadingAndLandmarks()
    {
        var owner = await fixture.CreateUserAsync("tour.owner@example.com", "Tina Tour");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            if (!await roles.RoleExistsAsync(PlatformRoles.PlatformAdmin))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(PlatformRoles.PlatformAdmin) { Id = Guid.CreateVersion7() });
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(owner.Id.ToString()))!, PlatformRoles.PlatformAdmin);
        }

        var organization = await fixture.App.Db.AddOrganizationAsync("tour-arts", (owner.Id, OrgRole.Owner));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "tour-festival", [40, 40],
            new SeedTicketType("Weekend pass", 4500, [0, 1]), new SeedTicketType("Saturday", 2500, [0]));
        string pendingKey, paidKey;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var bought = await Purchase.BuyAsync(services, sale.EventId, new Dictionary<Guid, int> { [sale.TypeIds["Weekend pass"]] = 2 },
                CheckoutBuyer.Guest("tour.owner@example.com", "Tina Tour"));
            paidKey = bought.Order.AccessKey;
            pendingKey = (await Purchase.HeldAsync(services, sale.EventId, new Dictionary<Guid, int> { [sale.TypeIds["Saturday"]] = 1 }))
                .AccessKey;
        }

        var visitor = await fixture.NewPageAsync(1366, 900);
        await TourAsync(visitor, "home", "");
        await TourAsync(visitor, "search", "events?q=tour");
        await TourAsync(visitor, "event", $"e/{sale.Slug}");
        await TourAsync(visitor, "organization-page", "o/tour-arts");
        await TourAsync(visitor, "checkout", $"checkout/{pendingKey}");
        await TourAsync(visitor, "order", $"order/{paidKey}");
        await TourAsync(visitor, "sign-in", "Account/Login");
        await TourAsync(visitor, "register", "Account/Register");
        await TourAsync(visitor, "email-link", "Account/MagicLink");

        var signedIn = await fixture.NewSignedInPageAsync("tour.owner@example.com", 1366, 900);
        await TourAsync(signedIn, "my-tickets", "tickets");
        await TourAsync(signedIn, "organization-home", $"org/{organization.Id}");
        await TourAsync(signedIn, "organization-settings", $"org/{organization.Id}/settings");
        await TourAsync(signedIn, "team", $"org/{organization.Id}/team");
        await TourAsync(signedIn, "events-list", $"org/{organization.Id}/events");
        foreach (var tab in new[] { "details", "sessions", "ticket-types", "dashboard", "check-in", "orders", "questions", "messages" })
        {
            await TourAsync(signedIn, $"editor-{tab}", $"events/{sale.EventId}/manage/{tab}");
        }

        await TourAsync(signedIn, "coupons", $"org/{organization.Id}/coupons");
        await TourAsync(signedIn, "email-templates", $"org/{organization.Id}/emails");
        await TourAsync(signedIn, "email-template-editor", $"org/{organization.Id}/emails/order-confirmation");
        await TourAsync(signedIn, "email-template-reminder", $"org/{organization.Id}/emails/reminder");
        await TourAsync(signedIn, "email-log", $"org/{organization.Id}/email-log");
        await TourAsync(signedIn, "message-composer", $"events/{sale.EventId}/messages/new");
        await TourAsync(signedIn, "staff-check-in", $"events/{sale.EventId}/check-in");
        await TourAsync(signedIn, "admin", "admin");
    }

    private static async Task TourAsync(IPage page, string name, string path)
    {
        await page.SetViewportSizeAsync(1366, 900);
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        if (!path.StartsWith("Account/", StringComparison.Ordinal))
        {
            await page.WaitForInteractiveAsync(); // the account pages are static (no circuit)
        }

        // A page may show a spinner until its data arrives: its heading says it has.
        await page.Locator("h1").First.WaitForAsync();
        await page.AssertPageStructureAsync();
        await Screenshots.AtEveryViewportAsync(page, $"tour-{name}");
    }
}
