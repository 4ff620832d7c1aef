using System.Text.RegularExpressions;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed partial class MagicLinkJourneyTests(BrowserAppFixture fixture)
{
    [GeneratedRegex("https?://[^\\s\"<>]+/Account/MagicLink/Redeem\\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex RedeemLink();

    [Fact]
    public async Task MagicLink_RequestEmailOpenLink_SignsIn_AndTheLinkWorksOnlyOnce()
    {
        await fixture.CreateUserAsync("magic.ann@example.com", "Ann Magic");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Email me a sign-in link" }).ClickAsync();
        // Enhanced navigation changes the address before it swaps the page in: wait for the new page itself.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in with an email link" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync("magic.ann@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        var sent = page.Locator("[data-testid=magic-link-sent]");
        await Assertions.Expect(sent).ToContainTextAsync("If magic.ann@example.com has an account or has bought tickets here");
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "magic-link-requested");

        var email = await fixture.Smtp.WaitForMessageAsync("magic.ann@example.com",
            m => (m.Subject ?? "").StartsWith("Sign in", StringComparison.Ordinal));
        Assert.NotNull(email.HtmlBody);
        Assert.NotNull(email.TextBody);
        var link = RedeemLink().Match(email.TextBody ?? "").Value;
        Assert.StartsWith(fixture.BaseAddress.ToString(), link, StringComparison.Ordinal);

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByText("Continue as magic.ann@example.com")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Account menu" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "magic-link-signed-in");

        var second = await fixture.NewPageAsync();
        await second.GotoAsync(link);
        await Assertions.Expect(second.Locator("[data-testid=magic-link-problem]")).ToHaveTextAsync("This sign-in link has already been used.");
        await Assertions.Expect(second.GetByRole(AriaRole.Link, new() { Name = "Send me a new link" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(second, "magic-link-reused");
    }

    [GeneratedRegex("https?://[^\\s\"<>]+/order/[A-Za-z0-9_-]+")]
    private static partial Regex OrderLink();

    [Fact]
    public async Task AGuestBuyer_SignsInFromTheOrderPage_ByEmailLink_AndSeesTheirTickets()
    {
        var organization = await fixture.App.Db.AddOrganizationAsync("guest-arts");
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "guest-evening", [20], new SeedTicketType("Entry", 1200, [0]));
        await fixture.BuyAsync(sale, "Entry", 1, "Gus Guest", buyerEmail: "gus.guest@example.com");
        var confirmation = await fixture.Smtp.WaitForMessageAsync("gus.guest@example.com",
            m => (m.Subject ?? "").StartsWith("Your tickets", StringComparison.Ordinal));
        Assert.Contains("sign in with this email", confirmation.TextBody, StringComparison.Ordinal);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(OrderLink().Match(confirmation.TextBody ?? "").Value);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "sign in with gus.guest@example.com" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in with an email link" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("gus.guest@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=magic-link-sent]")).ToBeVisibleAsync();

        var email = await fixture.Smtp.WaitForMessageAsync("gus.guest@example.com",
            m => (m.Subject ?? "").StartsWith("Sign in", StringComparison.Ordinal));
        await page.GotoAsync(RedeemLink().Match(email.TextBody ?? "").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The new account lands on its tickets: the order bought as a guest is there.
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Account menu" })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tickets$"));
        await Assertions.Expect(page.GetByText("Sale guest-evening").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "guest-signed-in-tickets");
    }

    [Fact]
    public async Task MagicLink_ForAnUnknownEmail_AnswersExactlyAsForAKnownOne()
    {
        await fixture.CreateUserAsync("known.person@example.com");
        var known = await RequestAsync("known.person@example.com");
        var unknown = await RequestAsync("unknown.person@example.com");

        Assert.Equal(known.Replace("known.person", "X", StringComparison.Ordinal), unknown.Replace("unknown.person", "X", StringComparison.Ordinal));
        await fixture.Smtp.WaitForMessageAsync("known.person@example.com");
        Assert.DoesNotContain(fixture.Smtp.Messages(), m => m.To.ToString().Contains("unknown.person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MagicLink_Forged_SaysItIsNotValid_AndOffersANewOne()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("Account/MagicLink/Redeem?token=forged-token-123");
        await Assertions.Expect(page.Locator("[data-testid=magic-link-problem]")).ToHaveTextAsync("This sign-in link is not valid.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Send me a new link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in with an email link" })).ToBeVisibleAsync();
    }

    private async Task<string> RequestAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("Account/MagicLink");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        var sent = page.Locator("[data-testid=magic-link-sent]");
        await sent.WaitForAsync();
        return await sent.InnerTextAsync();
    }
}
