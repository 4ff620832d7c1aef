using System.Text.RegularExpressions;
using EventPlatform.Core.Accounts.MagicLinks;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Accounts;

/// <summary>
/// A guest who bought without an account signs in by email link: the link goes to the email of a
/// paid order, its first use creates the account (confirmed, no password) and shows the tickets;
/// an email that only ever held places gets nothing, and nobody can tell the difference on screen.
/// </summary>
public sealed partial class GuestMagicLinkTests : IAsyncLifetime
{
    private const string RedeemUrl = "https://tickets.example/Account/MagicLink/Redeem";
    private CoreServices _services = default!;
    private SellableEvent _event = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("guest-links");
        var organization = await _services.Db.AddOrganizationAsync("riverside");
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "guest-night", [20], new SeedTicketType("Entry", 1500, [0]));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [GeneratedRegex("token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInLink();

    [Fact]
    public async Task AGuestsLink_CreatesTheConfirmedAccountOnFirstUse_AndShowsTheTicketsBoughtAsAGuest()
    {
        await BuyAsGuestAsync("Gina.Guest@example.com");

        var token = await RequestLinkAsync("gina.guest@EXAMPLE.com", "Gina.Guest@example.com");
        var inspected = await _services.Get<RedeemMagicLink>().InspectAsync(token);
        Assert.Equal((MagicLinkStatus.Valid, "Gina.Guest@example.com"), (inspected.Status, inspected.Email));

        var redeemed = await _services.Get<RedeemMagicLink>().ExecuteAsync(token);
        Assert.Equal(MagicLinkStatus.Valid, redeemed.Status);
        await using (var db = await _services.Db.CreateAsync())
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == redeemed.UserId);
            Assert.Equal(("Gina.Guest@example.com", "GINA.GUEST@EXAMPLE.COM", true, null),
                (account.Email, account.NormalizedEmail, account.EmailConfirmed, account.PasswordHash));
        }

        _services.Caller.UserId = redeemed.UserId;
        var mine = await _services.Get<MyTickets>().ExecuteAsync();
        Assert.Single(mine.Upcoming);
        Assert.Equal(MagicLinkStatus.AlreadyUsed, (await _services.Get<RedeemMagicLink>().ExecuteAsync(token)).Status);

        // The next link goes to the account it created.
        var next = await RequestLinkAsync("Gina.Guest@example.com", "Gina.Guest@example.com");
        Assert.Equal(redeemed.UserId, (await _services.Get<RedeemMagicLink>().ExecuteAsync(next)).UserId);
    }

    [Fact]
    public async Task TwoLinksOfOneGuest_RedeemedAtOnce_MakeOneAccount()
    {
        await BuyAsGuestAsync("twice@example.com");
        var first = await RequestLinkAsync("twice@example.com", "twice@example.com");
        var second = await RequestLinkAsync("twice@example.com", "twice@example.com");

        var redeem = _services.Get<RedeemMagicLink>();
        var outcomes = await Task.WhenAll(Task.Run(() => redeem.ExecuteAsync(first)), Task.Run(() => redeem.ExecuteAsync(second)));

        await using var db = await _services.Db.CreateAsync();
        var account = await db.Users.SingleAsync(u => u.NormalizedEmail == "TWICE@EXAMPLE.COM");
        Assert.All(outcomes.Where(o => o.Status == MagicLinkStatus.Valid), o => Assert.Equal(account.Id, o.UserId));
        Assert.Contains(outcomes, o => o.Status == MagicLinkStatus.Valid);
    }

    [Fact]
    public async Task AnEmailThatOnlyHeldPlaces_GetsNoLink()
    {
        var hold = await Purchase.HeldAsync(_services.Provider, _event.EventId, new Dictionary<Guid, int> { [_event.TypeIds["Entry"]] = 1 });
        await Purchase.SaveDetailsAsync(_services.Provider, hold.AccessKey, CheckoutBuyer.Guest("holder@example.com", "Hal"));

        await _services.Get<RequestMagicLink>().ExecuteAsync("holder@example.com", RedeemUrl, null);

        await using var db = await _services.Db.CreateAsync();
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.To == "holder@example.com" && e.Kind == AccountEmails.MagicLinkKind));
        Assert.False(await db.MagicLinkTokens.AnyAsync());
    }

    private async Task BuyAsGuestAsync(string email)
    {
        _services.Caller.UserId = null;
        var hold = await Purchase.HeldAsync(_services.Provider, _event.EventId, new Dictionary<Guid, int> { [_event.TypeIds["Entry"]] = 1 });
        var paid = await Purchase.PayAsync(_services.Provider, hold.AccessKey, buyer: CheckoutBuyer.Guest(email, "Gina"));
        Assert.True(paid.Succeeded);
    }

    private async Task<string> RequestLinkAsync(string typed, string sentTo)
    {
        await _services.Get<RequestMagicLink>().ExecuteAsync(typed, RedeemUrl, null);
        await using var db = await _services.Db.CreateAsync();
        var message = await db.OutboxEmails.Where(e => e.To == sentTo && e.Kind == AccountEmails.MagicLinkKind)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).FirstAsync();
        return TokenInLink().Match(message.TextBody).Groups[1].Value;
    }
}
