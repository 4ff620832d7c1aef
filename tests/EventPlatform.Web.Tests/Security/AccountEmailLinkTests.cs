using System.Net;
using System.Text.RegularExpressions;
using EventPlatform.Core.Accounts;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EventPlatform.Web.Tests.Security;

/// <summary>
/// Every email-sending account form, posted with a foreign Host (and X-Forwarded-Host), sends
/// links to Site:BaseUrl only. AllowedHosts is "*" here on purpose: the links must not depend on
/// host filtering.
/// </summary>
public sealed partial class AccountEmailLinkTests : IAsyncLifetime
{
    private const string BaseUrl = "https://tickets.example.org";
    private const string Password = "Owner-passw0rd";
    private SmtpTestServer _smtp = default!;
    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _app = await TestApp.CreateAsync("emaillinks", _smtp, settings: new Dictionary<string, string?>
        {
            ["Site:BaseUrl"] = BaseUrl,
            ["AllowedHosts"] = "*",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex AnyUrl();

    private HttpClient Client() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static void FromAForeignHost(HttpRequestMessage request)
    {
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil-forwarded.example");
        request.Headers.Add("X-Forwarded-Proto", "http");
    }

    private async Task CreateUserAsync(string email, bool confirmed)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email,
            EmailConfirmed = confirmed, CreatedAt = DateTimeOffset.UtcNow }, Password);
        Assert.True(result.Succeeded);
    }

    private static void AssertLinksOnlyToTheSite(MimeMessage message)
    {
        var urls = AnyUrl().Matches((message.TextBody ?? "") + (message.HtmlBody ?? "")).Select(m => m.Value).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.StartsWith(BaseUrl + "/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("evil", (message.TextBody ?? "") + (message.HtmlBody ?? ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MagicLinkEmail_LinksToTheBaseUrl()
    {
        await CreateUserAsync("magic.owner@example.com", confirmed: true);
        var response = await StaticForms.PostAsync(Client(), "/Account/MagicLink", "magic-link",
            new Dictionary<string, string> { ["Input.Email"] = "magic.owner@example.com" }, FromAForeignHost);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertLinksOnlyToTheSite(await _smtp.WaitForMessageAsync("magic.owner@example.com"));
    }

    [Fact]
    public async Task PasswordResetEmail_LinksToTheBaseUrl()
    {
        await CreateUserAsync("reset.owner@example.com", confirmed: true);
        await StaticForms.PostAsync(Client(), "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "reset.owner@example.com" }, FromAForeignHost);

        AssertLinksOnlyToTheSite(await _smtp.WaitForMessageAsync("reset.owner@example.com"));
    }

    [Fact]
    public async Task RegistrationConfirmationEmail_LinksToTheBaseUrl()
    {
        await StaticForms.PostAsync(Client(), "/Account/Register?returnUrl=%2Fevents", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Person",
            ["Input.Email"] = "new.person@example.com",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }, FromAForeignHost);

        AssertLinksOnlyToTheSite(await _smtp.WaitForMessageAsync("new.person@example.com"));
    }

    [Fact]
    public async Task ResentConfirmationEmail_LinksToTheBaseUrl()
    {
        await CreateUserAsync("unconfirmed@example.com", confirmed: false);
        await StaticForms.PostAsync(Client(), "/Account/ResendEmailConfirmation", "resend-confirmation",
            new Dictionary<string, string> { ["Input.Email"] = "unconfirmed@example.com" }, FromAForeignHost);

        AssertLinksOnlyToTheSite(await _smtp.WaitForMessageAsync("unconfirmed@example.com"));
    }

    [Fact]
    public async Task RedirectAfterSignIn_PointsAtTheBaseUrl_NotTheRequestHost()
    {
        await CreateUserAsync("redirect.owner@example.com", confirmed: true);
        var response = await StaticForms.PostAsync(Client(), "/Account/Login?ReturnUrl=%2Fevents", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "redirect.owner@example.com",
            ["Input.Password"] = Password,
        }, FromAForeignHost);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.AbsoluteUri.StartsWith(BaseUrl + "/", StringComparison.Ordinal), location.ToString());
        Assert.EndsWith("/events", location.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>With no AllowedHosts configured, only the host of Site:BaseUrl is served.</summary>
public sealed class HostFilteringTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync("hostfilter", settings: new Dictionary<string, string?>
    {
        ["Site:BaseUrl"] = "https://tickets.example.org",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("tickets.example.org.evil.example", HttpStatusCode.BadRequest)]
    [InlineData("tickets.example.org", HttpStatusCode.OK)]
    public async Task OnlyTheConfiguredHostIsServed(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = host;
        Assert.Equal(expected, (await _app.CreateClient().SendAsync(request)).StatusCode);
    }
}
