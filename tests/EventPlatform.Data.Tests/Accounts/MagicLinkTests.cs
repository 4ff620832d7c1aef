using System.Text.RegularExpressions;
using EventPlatform.Core.Accounts.MagicLinks;
using EventPlatform.Core.Notifications;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Accounts;

public sealed partial class MagicLinkTests : IAsyncLifetime
{
    private const string RedeemUrl = "https://tickets.example/Account/MagicLink/Redeem";
    private CoreServices _services = default!;

    public async Task InitializeAsync() => _services = await CoreServices.CreateAsync("magiclink");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [GeneratedRegex("token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInLink();

    private async Task<string> RequestLinkAsync(string email, string? returnUrl = null)
    {
        await _services.Get<RequestMagicLink>().ExecuteAsync(email, RedeemUrl, returnUrl);
        await using var db = await _services.Db.CreateAsync();
        var message = await db.OutboxEmails.Where(e => e.To == email && e.Kind == AccountEmails.MagicLinkKind)
            .OrderByDescending(e => e.CreatedAt).FirstAsync();
        return TokenInLink().Match(message.TextBody).Groups[1].Value;
    }

    [Fact]
    public async Task Request_ForAnUnknownEmail_StoresAndSendsNothing()
    {
        await _services.Get<RequestMagicLink>().ExecuteAsync("nobody@example.com", RedeemUrl, null);

        await using var db = await _services.Db.CreateAsync();
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.To == "nobody@example.com"));
        Assert.False(await db.MagicLinkTokens.AnyAsync(t => t.CreatedAt == _services.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Request_ForAnAccount_StoresOnlyTheHash_AndQueuesTheEmailWithTheLink()
    {
        var user = await _services.Db.AddUserAsync("Ann@Example.com");

        var token = await RequestLinkAsync("Ann@Example.com");

        await using var db = await _services.Db.CreateAsync();
        var stored = await db.MagicLinkTokens.SingleAsync(t => t.UserId == user.Id);
        Assert.Equal(43, token.Length);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(Core.Common.SecureToken.Hash(token), stored.TokenHash);
        Assert.Equal(_services.Clock.GetUtcNow().AddMinutes(10), stored.ExpiresAt);
        var email = await db.OutboxEmails.SingleAsync(e => e.To == "Ann@Example.com");
        Assert.Equal(OutboxEmailStatus.Pending, email.Status);
        Assert.Contains($"{RedeemUrl}?token={token}", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_MatchesTheEmailWhateverItsCase()
    {
        var user = await _services.Db.AddUserAsync("case@example.com");
        await _services.Get<RequestMagicLink>().ExecuteAsync(" CASE@example.COM ", RedeemUrl, null);

        await using var db = await _services.Db.CreateAsync();
        Assert.Single(await db.MagicLinkTokens.Where(t => t.UserId == user.Id).ToListAsync());
        Assert.Single(await db.OutboxEmails.Where(e => e.To == "case@example.com").ToListAsync());
    }

    [Fact]
    public async Task Redeem_WorksOnce_ThenSaysAlreadyUsed()
    {
        var user = await _services.Db.AddUserAsync("once@example.com", confirmed: false);
        var token = await RequestLinkAsync("once@example.com", "/org/42");

        var first = await _services.Get<RedeemMagicLink>().ExecuteAsync(token);
        var second = await _services.Get<RedeemMagicLink>().ExecuteAsync(token);

        Assert.Equal(MagicLinkStatus.Valid, first.Status);
        Assert.Equal(user.Id, first.UserId);
        Assert.Equal("/org/42", first.ReturnUrl);
        Assert.Equal(MagicLinkStatus.AlreadyUsed, second.Status);
        Assert.Equal(Core.Common.UserMessages.MagicLinkUsed, second.FailureMessage);
        await using var db = await _services.Db.CreateAsync();
        Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).EmailConfirmed);
    }

    [Fact]
    public async Task Inspect_DoesNotUseTheLink()
    {
        await _services.Db.AddUserAsync("inspect@example.com");
        var token = await RequestLinkAsync("inspect@example.com");

        Assert.Equal(MagicLinkStatus.Valid, (await _services.Get<RedeemMagicLink>().InspectAsync(token)).Status);
        Assert.Equal("inspect@example.com", (await _services.Get<RedeemMagicLink>().InspectAsync(token)).Email);
        Assert.Equal(MagicLinkStatus.Valid, (await _services.Get<RedeemMagicLink>().ExecuteAsync(token)).Status);
    }

    [Fact]
    public async Task Redeem_AfterTheExpiry_SaysExpired()
    {
        await _services.Db.AddUserAsync("late@example.com");
        var token = await RequestLinkAsync("late@example.com");

        _services.Clock.Advance(TimeSpan.FromMinutes(10));
        var outcome = await _services.Get<RedeemMagicLink>().ExecuteAsync(token);

        Assert.Equal(MagicLinkStatus.Expired, outcome.Status);
        Assert.Equal(Core.Common.UserMessages.MagicLinkExpired, outcome.FailureMessage);
    }

    [Fact]
    public async Task Redeem_JustBeforeTheExpiry_Works()
    {
        await _services.Db.AddUserAsync("justintime@example.com");
        var token = await RequestLinkAsync("justintime@example.com");

        _services.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(MagicLinkStatus.Valid, (await _services.Get<RedeemMagicLink>().ExecuteAsync(token)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Redeem_OfGarbage_SaysInvalid(string? token)
    {
        Assert.Equal(MagicLinkStatus.Invalid, (await _services.Get<RedeemMagicLink>().ExecuteAsync(token)).Status);
        Assert.Equal(MagicLinkStatus.Invalid, (await _services.Get<RedeemMagicLink>().ExecuteAsync(new string('x', 5000))).Status);
    }

    [Fact]
    public async Task Redeem_ClickedTwentyTimesAtOnce_SignsInExactlyOnce()
    {
        await _services.Db.AddUserAsync("race@example.com");
        var token = await RequestLinkAsync("race@example.com");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _services.Get<RedeemMagicLink>().ExecuteAsync(token))));

        Assert.Single(outcomes, o => o.Status == MagicLinkStatus.Valid);
        Assert.All(outcomes.Where(o => o.Status != MagicLinkStatus.Valid), o => Assert.Equal(MagicLinkStatus.AlreadyUsed, o.Status));
    }

    [Fact]
    public async Task Redeem_ThatConfirmsTheEmail_RemovesAPasswordSetBeforehand_AndEndsItsSessions()
    {
        // Someone registered this address first, with a password of their own (not confirmed).
        var squatted = await _services.Db.AddUserAsync("owner@example.com", confirmed: false);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.Users.Where(u => u.Id == squatted.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, "squatter's hash"));
        }

        // The real owner signs in by email link.
        var outcome = await _services.Get<RedeemMagicLink>().ExecuteAsync(await RequestLinkAsync("owner@example.com"));

        Assert.Equal(MagicLinkStatus.Valid, outcome.Status);
        await using var after = await _services.Db.CreateAsync();
        var user = await after.Users.SingleAsync(u => u.Id == squatted.Id);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.NotEqual(squatted.SecurityStamp, user.SecurityStamp);
    }

    [Fact]
    public async Task Redeem_OnAConfirmedAccount_KeepsItsPasswordAndSessions()
    {
        var confirmed = await _services.Db.AddUserAsync("keeps@example.com");
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.Users.Where(u => u.Id == confirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, "owner's hash"));
        }

        await _services.Get<RedeemMagicLink>().ExecuteAsync(await RequestLinkAsync("keeps@example.com"));

        await using var after = await _services.Db.CreateAsync();
        var user = await after.Users.SingleAsync(u => u.Id == confirmed.Id);
        Assert.Equal("owner's hash", user.PasswordHash);
        Assert.Equal(confirmed.SecurityStamp, user.SecurityStamp);
    }

    [Fact]
    public async Task Redeem_RetiresEveryOlderUnusedLinkOfTheSameUser_ButNotOtherUsers()
    {
        await _services.Db.AddUserAsync("many@example.com");
        await _services.Db.AddUserAsync("other@example.com");
        var older = await RequestLinkAsync("many@example.com");
        _services.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await RequestLinkAsync("many@example.com");
        var othersLink = await RequestLinkAsync("other@example.com");

        Assert.Equal(MagicLinkStatus.Valid, (await _services.Get<RedeemMagicLink>().ExecuteAsync(newer)).Status);

        Assert.Equal(MagicLinkStatus.AlreadyUsed, (await _services.Get<RedeemMagicLink>().ExecuteAsync(older)).Status);
        Assert.Equal(MagicLinkStatus.Valid, (await _services.Get<RedeemMagicLink>().ExecuteAsync(othersLink)).Status);
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    public async Task Request_KeepsOnlyALocalReturnPath(string hostile)
    {
        await _services.Db.AddUserAsync("return@example.com");
        var outcome = await _services.Get<RedeemMagicLink>().ExecuteAsync(await RequestLinkAsync("return@example.com", hostile));
        Assert.Null(outcome.ReturnUrl);
    }
}
