using EventPlatform.Core.Accounts;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Infrastructure;

/// <summary>
/// One real app (Kestrel on a free port, its own database, real SMTP to aiosmtpd) and one
/// headless Debian Chromium, shared by the browser tests of the collection.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string Password = "Sturdy-pass-42";
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    public TestApp App { get; private set; } = default!;
    public SmtpTestServer Smtp { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        App = await TestApp.CreateAsync("e2e", Smtp);
        BaseAddress = App.StartKestrel();
        // Two cores run the app, the database and the browser: allow for a slow moment.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
            Timeout = 30_000,
        });
    }

    /// <summary>A second browser whose camera plays <paramref name="y4mVideo"/> (Chromium's fake capture device).</summary>
    public Task<IBrowser> LaunchWithFakeCameraAsync(string y4mVideo) => _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Args = [.. ChromiumArgs, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--use-file-for-fake-video-capture=" + y4mVideo],
        Headless = true,
        Timeout = 30_000,
    });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A new browser context (own cookies) with a page at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new browser context signed in as an existing account, on a live page.</summary>
    public async Task<IPage> NewSignedInPageAsync(string email, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        var signIn = new Pages.SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(email, Password);
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>Creates a confirmed account through Identity (so the password hash is real).</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string? displayName = null, bool confirmed = true)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = confirmed,
            DisplayName = displayName,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
