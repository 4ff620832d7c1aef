using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using EventPlatform.Web.Payments;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

/// <summary>
/// Issue 15, as an organizer meets it: a refund the buyer's card refuses after it was accepted
/// puts the order on the organization page's "needs attention" list; from there the order opens
/// with the failed refund, its reason, "Send again" and "Mark resolved".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentAttentionJourneyTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AFailedRefund_IsListedOnTheOrganizationPage_AndTheOrganizerSendsItAgainThenResolvesIt()
    {
        var manager = await fixture.CreateUserAsync("rita.refunds@example.com", "Rita Refunds");
        var organization = await fixture.App.Db.AddOrganizationAsync("rita-arts", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "refund-evening", [20], new SeedTicketType("Entry", 1800, [0]));
        await fixture.BuyAsync(sale, "Entry", 2, "Nora Closedcard", card: SimulatedCards.RefundFails);
        var page = await fixture.NewSignedInPageAsync("rita.refunds@example.com", 1280, 900);

        // The organizer cancels the order; the gateway accepts the refund, then reports it failed.
        await page.GotoAsync($"events/{sale.EventId}/manage");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Orders" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "buyer@example.com" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel tickets" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel 2 tickets" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel tickets" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-attention]")).ToContainTextAsync("failed: the buyer's card has expired or was cancelled.");

        await page.GotoAsync($"org/{organization.Id}");
        await page.WaitForInteractiveAsync();
        var attention = page.Locator("[data-testid=needs-attention]");
        await Assertions.Expect(attention.GetByRole(AriaRole.Heading, new() { Name = "Needs attention (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(attention).ToContainTextAsync("Sale refund-evening");
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "organization-needs-attention");

        await attention.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open order") }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var refunds = page.Locator("[data-testid=order-refunds]");
        await Assertions.Expect(refunds).ToContainTextAsync("Failed");
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "order-refund-failed");

        // Sent again it fails again (the card is still closed); the organizer pays back by bank transfer and resolves it.
        await refunds.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send again the refund of") }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-problem]")).ToContainTextAsync("Sent again, and refused again");
        await Assertions.Expect(refunds.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=order-attention]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark resolved" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-attention]")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(page, "order-refunds-phone");
        await page.GotoAsync($"org/{organization.Id}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=needs-attention]")).ToHaveCountAsync(0);
    }
}
