using System.Text.RegularExpressions;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.E2E.Pages;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed partial class RegistrationTests(BrowserAppFixture fixture)
{
    [GeneratedRegex("https?://[^\\s\"<>]+/Account/ConfirmEmail\\?[^\\s\"<>]+")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task Register_WithBadInput_ShowsEachProblemNextToItsField_AndCreatesNothing()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("Account/Register");
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input\\.DisplayName-error")).ToHaveTextAsync("Enter your name.");
        await Assertions.Expect(page.Locator("#Input\\.Email-error")).ToHaveTextAsync("Enter your email address.");
        await Assertions.Expect(page.Locator("#Input\\.Password-error")).ToHaveTextAsync("Choose a password.");

        await page.GetByLabel("Your name").FillAsync("Val Idation");
        await page.GetByLabel("Email").FillAsync("not-an-email");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Confirm password").FillAsync("different");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input\\.Email-error")).ToHaveTextAsync("Enter a valid email address, like name@example.com.");
        await Assertions.Expect(page.Locator("#Input\\.Password-error")).ToHaveTextAsync("Use at least 8 characters (and at most 100).");
        await Assertions.Expect(page.Locator("#Input\\.ConfirmPassword-error")).ToHaveTextAsync("The two passwords do not match.");
        // What was typed stays (except passwords, which browsers never echo back).
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Val Idation");
        await Screenshots.SaveAsync(page, "register-validation");

        await page.GetByLabel("Email").FillAsync("val@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("alllowercaseletters");
        await page.GetByLabel("Confirm password").FillAsync("alllowercaseletters");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input\\.Password-error")).ToContainTextAsync("digit");
        Assert.DoesNotContain(fixture.Smtp.Messages(), m => m.To.ToString().Contains("val@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_ThenConfirmByEmail_ThenSignIn()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("Your name").FillAsync("Reggie Newcomer");
        await page.GetByLabel("Email").FillAsync("reggie@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Newcomer-2026");
        await page.GetByLabel("Confirm password").FillAsync("Newcomer-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "register-check-email-phone");

        // Not confirmed yet: signing in says what to do.
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("reggie@example.com", "Newcomer-2026");
        await Assertions.Expect(signIn.Error).ToContainTextAsync("confirm your email address first");

        var email = await fixture.Smtp.WaitForMessageAsync("reggie@example.com",
            m => (m.Subject ?? "").StartsWith("Confirm", StringComparison.Ordinal));
        await page.GotoAsync(System.Net.WebUtility.HtmlDecode(ConfirmLink().Match(email.TextBody ?? "").Value));
        // The link alone does not confirm: the password chosen at registration finishes it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your email" })).ToBeVisibleAsync();
        await page.AssertPageStructureAsync();
        await page.GetByLabel("Password").FillAsync("Wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("not the password of this account");
        await page.GetByLabel("Password").FillAsync("Newcomer-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign in" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Account menu" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Register_WithAnEmailThatHasAnAccount_SaysSoOnTheEmailField()
    {
        await fixture.CreateUserAsync("taken.email@example.com");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("Your name").FillAsync("Second Try");
        await page.GetByLabel("Email").FillAsync("taken.email@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Another-pass-9");
        await page.GetByLabel("Confirm password").FillAsync("Another-pass-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input\\.Email-error")).ToContainTextAsync("An account with this email already exists");
    }
}
