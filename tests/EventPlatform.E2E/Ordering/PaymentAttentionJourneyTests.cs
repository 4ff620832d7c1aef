using EventPlatform.Core.Notifications;
using EventPlatform.Core.Organizations;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

/// <summary>
/// Payment problems as an organizer meets them: a refund the buyer's card refuses after it was
/// accepted puts the order on the organization page's "needs attention" list; from there the order
/// opens with the failed refund, its reason, "Send again" and "Mark resolved". An order email the
/// outbox gave up on is listed the same way, and "Send again" on the order delivers it.
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
        await Assertions.Expect(page.Locator("[data-testid=order-attention]"))
            .ToContainTextAsync("failed: the buyer's card has expired or was cancelled.");

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
        await refunds.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send again the refund of") })
            .ClickAsync();
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

    [Fact]
    public async Task AFailedOrderEmail_IsListedOnTheOrganizationPage_AndSendAgainDeliversIt()
    {
        var manager = await fixture.CreateUserAsync("mona.mail@example.com", "Mona Mail");
        var organization = await fixture.App.Db.AddOrganizationAsync("mona-music", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "mail-evening", [20], new SeedTicketType("Entry", 1500, [0]));
        await fixture.BuyAsync(sale, "Entry", 1, "Otto Outbox");
        var orderId = await GiveUpOnAnOrderEmailAsync(sale.EventId, "Your tickets, second copy", "SmtpCommandException: 452 4.2.2 mailbox full");
        var page = await fixture.NewSignedInPageAsync("mona.mail@example.com", 1280, 900);

        await page.GotoAsync($"org/{organization.Id}");
        await page.WaitForInteractiveAsync();
        var attention = page.Locator("[data-testid=needs-attention]");
        await Assertions.Expect(attention)
            .ToContainTextAsync("could not be delivered in two days of tries. Last answer: SmtpCommandException: 452 4.2.2 mailbox full");
        await attention.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open order") }).ClickAsync();
        await page.WaitForInteractiveAsync();

        var emails = page.Locator("[data-testid=order-emails]");
        await Assertions.Expect(emails).ToContainTextAsync("Not delivered after 55 tries");
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "order-email-failed");
        await emails.GetByRole(AriaRole.Button, new() { Name = "Send again the email Your tickets, second copy to buyer@example.com" }).ClickAsync();

        // The outbox worker sends it through the real SMTP server at once.
        await fixture.Smtp.WaitForMessageAsync("buyer@example.com", m => m.Subject == "Your tickets, second copy");
        await using (var db = await fixture.App.Db.CreateAsync())
        {
            Assert.Equal(0, db.OutboxEmails.Count(e => e.OrderId == orderId && e.Status == OutboxEmailStatus.Failed));
        }

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"org/{organization.Id}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=needs-attention]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// An email of the event's order as the outbox leaves it after two days of failed tries (the
    /// give-up itself is tested against a stopped SMTP server in OutboxDeliveryTests).
    /// </summary>
    private async Task<Guid> GiveUpOnAnOrderEmailAsync(Guid eventId, string subject, string lastError)
    {
        await using var db = await fixture.App.Db.CreateAsync();
        var orderId = db.Orders.Where(o => o.EventId == eventId).Select(o => o.Id).Single();
        var now = DateTimeOffset.UtcNow;
        db.OutboxEmails.Add(new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            To = "buyer@example.com",
            Subject = subject,
            HtmlBody = "<p>Your tickets are attached.</p>",
            TextBody = "Your tickets are attached.",
            Kind = "order.confirmation_copy",
            OrderId = orderId,
            Status = OutboxEmailStatus.Failed,
            Attempts = 55,
            CreatedAt = now.AddDays(-2),
            NextAttemptAt = now,
            LastError = lastError,
        });
        await db.SaveChangesAsync();
        return orderId;
    }
}
