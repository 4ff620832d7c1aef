using System.Text.RegularExpressions;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.E2E.Pages;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed partial class PasswordResetTests(BrowserAppFixture fixture)
{
    [GeneratedRegex("https?://[^\\s\"<>]+/Account/ResetPassword\\?code=[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task ForgottenPassword_IsResetThroughTheEmailedLink_AndTheOldOneStopsWorking()
    {
        await fixture.CreateUserAsync("fay.forgetful@example.com");
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // Enhanced navigation changes the address before it swaps the page in: wait for the new page itself.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync("fay.forgetful@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        var email = await fixture.Smtp.WaitForMessageAsync("fay.forgetful@example.com",
            m => (m.Subject ?? "").StartsWith("Reset", StringComparison.Ordinal));
        await page.GotoAsync(ResetLink().Match(email.TextBody ?? "").Value);
        await page.GetByLabel("Email").FillAsync("fay.forgetful@example.com");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Remembered-77");
        await page.GetByLabel("Confirm new password").FillAsync("Remembered-77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Password changed" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "password-reset-done-phone");

        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("fay.forgetful@example.com", BrowserAppFixture.Password);
        await Assertions.Expect(signIn.Error).ToHaveTextAsync("The email or password is incorrect.");
        await signIn.SignInAsync("fay.forgetful@example.com", "Remembered-77");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Account menu" })).ToBeVisibleAsync();
    }
}
