using System.Text.RegularExpressions;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;

namespace EventPlatform.E2E.Ordering;

/// <summary>A buyer's whole journey in the browser, with the simulated gateway and a real SMTP listener.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PurchaseJourneyTests(BrowserAppFixture fixture)
{
    [GeneratedRegex("https?://[^\\s\"<>]+/Account/MagicLink/Redeem\\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex RedeemLink();

    [Fact]
    public async Task Guest_BuysTwoFullSeriesTickets_AfterADecline_GetsQrCodesByEmail_AndFindsThemAfterSigningIn()
    {
        await fixture.CreateUserAsync("gina.guest@example.com", "Gina Guest");
        var sale = await SeedAsync("pottery-journey", [12, 12]);
        var page = await fixture.NewPageAsync(1280, 900);

        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Quantity of Full series").SelectOptionAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=selection-summary]")).ToHaveTextAsync("2 tickets · €100.00 before fees and discounts");
        await Screenshots.SaveAsync(page, "purchase-1-selection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=hold-countdown]")).ToContainTextAsync("Reserved for");
        await Assertions.Expect(page.Locator("[data-testid=demo-banner]")).ToContainTextAsync("Demo payments.");
        await Assertions.Expect(page.Locator("[data-testid=order-total]")).ToHaveTextAsync("€108.00");

        // Nothing filled in: a message next to each field, and no payment.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter a valid email address.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Enter the attendee's name.")).ToHaveCountAsync(2);
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "purchase-2-checkout-errors");

        await page.GetByLabel("Email for your tickets").FillAsync("gina.guest@example.com");
        await page.GetByLabel("Attendee name (ticket 1)").FillAsync("Gina Guest");
        await page.GetByLabel("Attendee name (ticket 2)").FillAsync("Hal Friend");
        await page.GetByLabel("Dietary requirements (optional) — ticket 2").FillAsync("Vegan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();

        await page.GetByLabel("Card number").FillAsync("4000 0000 0000 0002");
        await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/30");
        await page.GetByLabel("Security code (CVC)").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay €108.00" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=payment-error]")).ToContainTextAsync("Your card was declined.");
        await Screenshots.SaveAsync(page, "purchase-3-declined");

        await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay €108.00" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're going!", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("img[data-testid=ticket-qr]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText("Hal Friend")).ToBeVisibleAsync();
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "purchase-4-confirmation");

        var email = await fixture.Smtp.WaitForMessageAsync("gina.guest@example.com",
            m => (m.Subject ?? "").StartsWith("Your tickets for", StringComparison.Ordinal));
        var images = email.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png" && p.ContentId is not null).ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, image => Assert.Contains("cid:" + image.ContentId, email.HtmlBody, StringComparison.Ordinal));
        Assert.Single(email.Attachments, a => a.ContentType.MimeType == "text/calendar");
        Assert.Contains(fixture.BaseAddress + "order/", email.TextBody, StringComparison.Ordinal);

        // Later, signed in with the same (confirmed) email: the guest order is in My tickets.
        var signIn = await fixture.NewPageAsync();
        await signIn.GotoAsync("Account/MagicLink");
        await signIn.GetByLabel("Email").FillAsync("gina.guest@example.com");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        var linkEmail = await fixture.Smtp.WaitForMessageAsync("gina.guest@example.com",
            m => (m.Subject ?? "").StartsWith("Sign in", StringComparison.Ordinal));
        await signIn.GotoAsync(RedeemLink().Match(linkEmail.TextBody ?? "").Value);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await signIn.WaitForInteractiveAsync();
        await signIn.GotoAsync("tickets");
        await Assertions.Expect(signIn.GetByRole(AriaRole.Heading, new() { Name = "My tickets", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(signIn.Locator("[data-testid=my-order]")).ToHaveCountAsync(1);
        await Assertions.Expect(signIn.Locator("[data-testid=my-ticket]")).ToHaveCountAsync(2);
        await signIn.AssertPageStructureAsync();
        await signIn.AssertAccessibleAsync();
        await Screenshots.SaveAsync(signIn, "purchase-5-my-tickets");
    }

    [Fact]
    public async Task Coupon_LowersTheTotal_AndCancellingRefunds_AndAvailabilityGoesBackUp()
    {
        var sale = await SeedAsync("coupon-journey", [3, 3]);
        await using (var db = await fixture.App.Db.CreateAsync())
        {
            db.Coupons.Add(new Coupon { Id = Guid.CreateVersion7(), OrganizationId = sale.OrganizationId, Code = "FRIENDS20",
                Kind = CouponKind.Percent, PercentOff = 20 });
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Quantity of Full series").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-total]")).ToHaveTextAsync("€162.00");

        await page.GetByLabel("Discount code").FillAsync("nope");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This code is not valid.")).ToBeVisibleAsync();
        await page.GetByLabel("Discount code").FillAsync("friends20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        // €150 − 20 % = €120, + 8 % fee = €129.60.
        await Assertions.Expect(page.Locator("[data-testid=order-total]")).ToHaveTextAsync("€129.60");
        await Assertions.Expect(page.Locator("[data-testid=summary-discount]")).ToContainTextAsync("−€30.00");
        await Screenshots.SaveAsync(page, "purchase-6-coupon-phone");

        await page.GetByLabel("Email for your tickets").FillAsync("cora.coupon@example.com");
        for (var i = 1; i <= 3; i++)
        {
            await page.GetByLabel($"Attendee name (ticket {i})").FillAsync($"Cora {i}");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await page.GetByLabel("Card number").FillAsync("4242424242424242");
        await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/30");
        await page.GetByLabel("Security code (CVC)").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay €129.60" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're going!", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        var eventPage = await fixture.NewPageAsync();
        await eventPage.GotoAsync($"e/{sale.Slug}");
        await Assertions.Expect(eventPage.Locator("[data-testid=ticket-availability]").First).ToHaveTextAsync("Sold out");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel the order" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-message]"))
            .ToContainTextAsync("3 tickets cancelled. €129.60 is on its way back to you.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Order cancelled", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "purchase-7-cancelled-phone");

        await eventPage.ReloadAsync();
        await Assertions.Expect(eventPage.Locator("[data-testid=ticket-availability]").First).Not.ToHaveTextAsync("Sold out");
        await using var check = await fixture.App.Db.CreateAsync();
        var order = await check.Orders.SingleAsync(o => o.EventId == sale.EventId);
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        await fixture.Smtp.WaitForMessageAsync("cora.coupon@example.com", m => (m.Subject ?? "").StartsWith("Cancelled:", StringComparison.Ordinal));
    }

    private async Task<SellableEvent> SeedAsync(string slug, int[] capacities)
    {
        var owner = await fixture.CreateUserAsync($"owner.{slug}@example.com");
        var organization = await fixture.App.Db.AddOrganizationAsync(slug + "-org", (owner.Id, OrgRole.Owner));
        return await fixture.App.Db.AddSellableEventAsync(organization.Id, slug, capacities,
            new SeedTicketType("Full series", 5000, [0, 1]),
            new SeedTicketType("Day 1", 3000, [0]));
    }
}
