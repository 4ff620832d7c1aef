using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

/// <summary>The checkout's payment step and the order page, looked at on every viewport.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckoutLayoutTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task PaymentStep_GroupsTheCardNumber_ShowsItsBrand_AndTheOrderPageShowsPriceAndFeeApart()
    {
        var owner = await fixture.CreateUserAsync("owner.checkout-layout@example.com");
        var organization = await fixture.App.Db.AddOrganizationAsync("checkout-layout-org", (owner.Id, OrgRole.Owner));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "checkout-layout", [12, 12],
            new SeedTicketType("Full series", 5000, [0, 1]),
            new SeedTicketType("Day 1", 3000, [0]));
        var page = await fixture.NewPageAsync(1366, 900);

        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Quantity of Full series").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Email for your tickets").FillAsync("lena.layout@example.com");
        await page.GetByLabel("Attendee name (ticket 1)").FillAsync("Lena Layout");
        await page.GetByLabel("Attendee name (ticket 2)").FillAsync("Max Layout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();

        // "Change details" is a button beside the section's title, not a loose label.
        var change = page.GetByRole(AriaRole.Button, new() { Name = "Change details" });
        var payment = page.GetByRole(AriaRole.Heading, new() { Name = "Payment", Level = 2 });
        await Assertions.Expect(change).ToBeVisibleAsync();
        var changeBox = (await change.BoundingBoxAsync())!;
        var titleBox = (await payment.BoundingBoxAsync())!;
        Assert.True(changeBox.X > titleBox.X + titleBox.Width, "Change details sits to the right of the Payment title");
        Assert.True(Math.Abs(changeBox.Y + changeBox.Height / 2 - (titleBox.Y + titleBox.Height / 2)) <= 4, "and on its line");
        Assert.NotEqual("0px", await change.EvaluateAsync<string>("b => getComputedStyle(b).borderTopWidth"));

        // The number groups as it is typed, key by key, and the brand follows its first digits.
        var number = page.GetByLabel("Card number");
        var brand = page.Locator("[data-testid=card-brand]");
        await Assertions.Expect(number).ToHaveAttributeAsync("data-card-number", "attached");
        await number.PressSequentiallyAsync("378282246310005");
        await Assertions.Expect(number).ToHaveValueAsync("3782 822463 10005");
        await Assertions.Expect(brand).ToHaveTextAsync("Amex card");
        await number.FillAsync("5555555555554444");
        await Assertions.Expect(number).ToHaveValueAsync("5555 5555 5555 4444");
        await Assertions.Expect(brand).ToHaveTextAsync("Mastercard card");
        await number.FillAsync("");
        await Assertions.Expect(brand).ToHaveTextAsync("");
        await number.PressSequentiallyAsync("4242424242424242");
        await Assertions.Expect(number).ToHaveValueAsync("4242 4242 4242 4242");
        await Assertions.Expect(brand).ToHaveTextAsync("Visa card");
        await Assertions.Expect(page.Locator("[data-testid=card-form] .mud-input-adornment-end")).ToHaveTextAsync("Visa");
        await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/30");
        await page.GetByLabel("Security code (CVC)").FillAsync("123");
        await number.FocusAsync();

        foreach (var (width, height) in Screenshots.Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150);
            var expiry = (await page.GetByLabel("Expiry (MM/YY)").BoundingBoxAsync())!;
            var cvc = (await page.GetByLabel("Security code (CVC)").BoundingBoxAsync())!;
            Assert.True(Math.Abs(expiry.Y - cvc.Y) <= 1 && cvc.X > expiry.X, $"expiry and CVC share a row at {width}×{height}");
        }

        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "checkout-payment-step");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay €108.00" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're going!", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        // Each ticket: its price and its share of the fee apart, as the payment summary shows them (2 × €50 + €8 fee).
        await Assertions.Expect(page.Locator("[data-testid=ticket-price]"))
            .ToHaveTextAsync(["€50.00 + €4.00 service fee", "€50.00 + €4.00 service fee"]);
        await Assertions.Expect(page.GetByText("paid €54.00")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=order-total]")).ToHaveTextAsync("€108.00");
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "order-page");
    }
}
