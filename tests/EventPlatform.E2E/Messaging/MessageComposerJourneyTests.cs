using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Messaging;

/// <summary>
/// A Manager writes to the people of one session: the live count follows the filters, an unknown
/// placeholder is refused next to the field, the preview and the test to oneself show the values,
/// and "send now" delivers one email per recipient through the real SMTP listener, shown in the delivery log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageComposerJourneyTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AManager_WritesToOneSession_PreviewsTestsAndSends_AndTheDeliveryLogShowsIt()
    {
        var manager = await fixture.CreateUserAsync("mia.messages@example.com", "Mia Manager");
        var organization = await fixture.App.Db.AddOrganizationAsync("mia-messages", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "message-night", [20, 20],
            new SeedTicketType("Day 1", 2000, [0]), new SeedTicketType("Day 2", 2000, [1]));
        await fixture.BuyAsync(sale, "Day 1", 1, "Ada Early", buyerEmail: "ada.day1@example.com");
        await fixture.BuyAsync(sale, "Day 2", 1, "Bo <i>Late</i>", buyerEmail: "bo.day2@example.com");
        var page = await fixture.NewSignedInPageAsync("mia.messages@example.com", 1366, 900);

        await page.GotoAsync($"events/{sale.EventId}/manage/messages");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=messages-empty]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New message" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New message", Level = 1 })).ToBeVisibleAsync();
        var count = page.Locator("[data-testid=recipient-count]");
        await Assertions.Expect(count).ToHaveTextAsync("2 recipients");

        // Only the second session's people.
        await page.GetByLabel("Sessions").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "S2 Day 2" }).ClickAsync();
        // A multiple choice stays open for more: a click outside closes it.
        await page.GetByRole(AriaRole.Heading, new() { Name = "New message", Level = 1 }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Assertions.Expect(count).ToHaveTextAsync("1 recipient");

        await page.GetByLabel("Subject").FillAsync("Parking for {session_name}");
        await page.Locator("#message-body").FillAsync("Hello {attendee_name}, park **behind the hall**. {parking_code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByText("{parking_code} is not a placeholder of this email")).ToBeVisibleAsync();

        await page.Locator("#message-body").FillAsync("Hello {attendee_name}, park **behind the hall**.\n\n[Your order]({order_url})");
        await page.GetByLabel("Preview for").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "bo.day2@example.com" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=preview-subject]")).ToHaveTextAsync("Subject: Parking for Day 2");
        var preview = page.FrameLocator("[data-testid=email-preview]");
        await Assertions.Expect(preview.GetByText("Hello Bo <i>Late</i>, park")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "message-composer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test to me" }).ClickAsync();
        await Assertions.Expect(page.GetByText("A test with sample values is on its way to mia.messages@example.com.")).ToBeVisibleAsync();
        await fixture.Smtp.WaitForMessageAsync("mia.messages@example.com", m => m.Subject == "[Test] Parking for Day 1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send now to 1 person" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Send now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Parking for {session_name}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=message-status]")).ToHaveTextAsync("Sent");
        var email = await fixture.Smtp.WaitForMessageAsync("bo.day2@example.com", m => m.Subject == "Parking for Day 2");
        Assert.Contains("Hello Bo &lt;i&gt;Late&lt;/i&gt;, park <strong>behind the hall</strong>.", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Smtp.Messages(), m => m.To.ToString().Contains("ada.day1", StringComparison.Ordinal)
            && (m.Subject ?? "").StartsWith("Parking", StringComparison.Ordinal));

        // The outbox reports the delivery; the log shows it after a refresh.
        var delivery = page.Locator("[data-testid=message-delivery]");
        for (var i = 0; i < 30 && (await delivery.InnerTextAsync()).Trim() != "1 sent"; i++)
        {
            await Task.Delay(500);
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        }

        await Assertions.Expect(delivery).ToHaveTextAsync("1 sent");
        await Assertions.Expect(page.Locator("[data-testid=delivery-log]")).ToContainTextAsync("bo.day2@example.com");
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "message-details");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sale message-night: messages" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=messages-panel]")).ToContainTextAsync("Parking for {session_name}");
        await page.GotoAsync($"org/{organization.Id}/email-log");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=email-log]")).ToContainTextAsync("bo.day2@example.com");
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "organization-email-log");
    }
}
