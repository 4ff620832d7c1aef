using EventPlatform.E2E.Infrastructure;
using EventPlatform.E2E.Pages;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class PasswordSignInTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task SignIn_WithTheRightPassword_ReachesTheSite_AndSignOutEndsIt()
    {
        await fixture.CreateUserAsync("pat.password@example.com", "Pat Password");
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);

        await signIn.OpenAsync();
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "sign-in");
        await signIn.SignInAsync("pat.password@example.com", BrowserAppFixture.Password);

        await page.WaitForInteractiveAsync();
        var accountMenu = page.GetByRole(AriaRole.Button, new() { Name = "Account menu" });
        await Assertions.Expect(accountMenu).ToBeVisibleAsync();
        await accountMenu.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }))
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSo_AndLocksTheAccountAfterFiveFailures()
    {
        await fixture.CreateUserAsync("lou.lockout@example.com");
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await signIn.SignInAsync("lou.lockout@example.com", "not-the-password-1");
            await Assertions.Expect(signIn.Error).ToHaveTextAsync("The email or password is incorrect.");
        }

        await Screenshots.SaveAsync(page, "sign-in-wrong-password");
        await signIn.SignInAsync("lou.lockout@example.com", "not-the-password-1");
        await Assertions.Expect(page.Locator("[data-testid=lockout]")).ToContainTextAsync("locked for 15 minutes");
        await Screenshots.SaveAsync(page, "sign-in-locked-out");

        // Even the right password is refused while the lockout lasts.
        await signIn.OpenAsync();
        await signIn.SignInAsync("lou.lockout@example.com", BrowserAppFixture.Password);
        await Assertions.Expect(page.Locator("[data-testid=lockout]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_ShowsAMessageNextToEachField()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#Input\\.Email-error")).ToHaveTextAsync("Enter your email address.");
        await Assertions.Expect(page.Locator("#Input\\.Password-error")).ToHaveTextAsync("Enter your password.");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task ProtectedPage_SendsAnonymousVisitorsToSignIn_AndBackAfterwards()
    {
        await fixture.CreateUserAsync("rita.return@example.com");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("account/profile");
        await Assertions.Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login\\?returnUrl=",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase));

        await new SignInPage(page).SignInAsync("rita.return@example.com", BrowserAppFixture.Password);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/profile$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();
    }
}
