using System.Net;
using EventPlatform.TestSupport.Web;

namespace EventPlatform.Web.Tests.Accounts;

public sealed class RateLimitTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync("ratelimit", settings: new Dictionary<string, string?>
    {
        ["RateLimits:PerIpPermits"] = "8",
        ["RateLimits:PerEmailPermits"] = "3",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static FormUrlEncodedContent SignInForm(string email) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["Input.Email"] = email,
        ["Input.Password"] = "wrong-password-1",
    });

    [Fact]
    public async Task SignIn_IsRefusedWith429_AfterTheLimitForOneEmail_ButNotForAnother()
    {
        var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("/Account/Login", SignInForm("Target@Example.com"))).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        var refused = await client.PostAsync("/Account/Login", SignInForm("target@example.com"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/Login", SignInForm("other@example.com"))).StatusCode);
    }

    [Theory]
    [InlineData("/Account/Login/")]
    [InlineData("/account/login")]
    [InlineData("/ACCOUNT/Login/")]
    [InlineData("/Account/MagicLink/")]
    [InlineData("/Account/ForgotPassword/")]
    public Task NoSpellingOfAThrottledPath_EscapesTheLimit(string path) => AssertLimitedPerEmailAsync(path);

    [Theory]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ResendEmailConfirmation")]
    public Task EmailSendingForms_AreLimitedPerTargetAddress(string path) => AssertLimitedPerEmailAsync(path);

    /// <summary>Five posts naming one email: the first three (the per-email limit) pass, the fifth gets 429.</summary>
    private async Task AssertLimitedPerEmailAsync(string path)
    {
        var client = _app.CreateClient();
        var email = $"limited{Guid.NewGuid():N}@example.com";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsync(path, SignInForm(email))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task PagesThatAreNotSignInForms_AreNotLimited()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        }
    }
}

/// <summary>Its own app, so the per-address counter is not shared with the per-email tests.</summary>
public sealed class RateLimitPerAddressTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync("ratelimitip", settings: new Dictionary<string, string?>
    {
        ["RateLimits:PerIpPermits"] = "8",
        ["RateLimits:PerEmailPermits"] = "3",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MagicLinkRequests_AreLimitedPerAddress_AcrossEmails()
    {
        var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "magic-link",
                ["Input.Email"] = $"spray{i}@example.com" });
            statuses.Add((await client.PostAsync("/Account/MagicLink", form)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
    }
}
