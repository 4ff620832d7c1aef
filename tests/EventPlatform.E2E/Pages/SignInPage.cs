using Microsoft.Playwright;

namespace EventPlatform.E2E.Pages;

/// <summary>The sign-in page, found the way a person finds things: by labels and button names.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("Account/Login");

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public ILocator Error => page.Locator("[data-testid=status-message]");
}
