using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Coupons;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>Discount and access codes cannot be found by trying many; counters live in PostgreSQL.</summary>
public sealed class CodeGuessLimitTests : IAsyncLifetime
{
    private static readonly ClientIdentity Guesser = new("203.0.113.50", null);
    private CoreServices _services = default!;
    private SellableEvent _sale = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("codeguess");
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        var organizationId = (await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager))).Id;
        _sale = await _services.Db.AddSellableEventAsync(organizationId, "guessing", [500], new SeedTicketType("Day", 2000, [0]));
        await using (var db = await _services.Db.CreateAsync())
        {
            db.Coupons.Add(new Coupon { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Code = "REALCODE", Kind = CouponKind.Percent,
                PercentOff = 10 });
            await db.SaveChangesAsync();
        }

        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task OneOrder_TryingCodesAtCheckout_IsStoppedAfterEight_EvenForTheRightCode()
    {
        var hold = await _services.HeldAsync(_sale.EventId, (_sale.TypeIds["Day"], 1));
        var change = _services.Get<ChangeOrderCoupon>();

        // Parallel guesses are counted one by one in the database: none slips past the limit.
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => change.ApplyAsync(hold.AccessKey, $"GUESS{i:D3}"))));
        Assert.All(guesses, g => Assert.False(g.Succeeded));
        Assert.Equal(CodeGuessLimit.PerOrder, guesses.Count(g => g.Errors.Single().Message == UserMessages.CouponUnknown));
        Assert.Equal(12 - CodeGuessLimit.PerOrder, guesses.Count(g => g.Errors.Single().Message == UserMessages.CouponTooManyGuesses));

        var right = await change.ApplyAsync(hold.AccessKey, "REALCODE");
        Assert.Equal(UserMessages.CouponTooManyGuesses, right.Errors.Single().Message);

        // After the window, the right code works again.
        _services.Clock.Advance(CodeGuessLimit.Window);
        var fresh = await _services.HeldAsync(_sale.EventId, (_sale.TypeIds["Day"], 1));
        Assert.True((await change.ApplyAsync(fresh.AccessKey, "REALCODE")).Succeeded);
    }

    [Fact]
    public async Task OneAddress_TryingCodesOnManyOrders_IsStoppedAfterTwenty_WhileAnotherAddressIsNot()
    {
        _services.Client.Client = Guesser;
        for (var i = 0; i < CodeGuessLimit.PerAddress; i++)
        {
            var attempt = await _services.Get<PlaceHold>()
                .ExecuteAsync(new HoldRequest(_sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day"]] = 1 }, $"WRONG{i:D3}"));
            Assert.Equal(UserMessages.CouponUnknown, attempt.Errors.Single().Message);
        }

        var blocked = await _services.Get<PlaceHold>()
            .ExecuteAsync(new HoldRequest(_sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day"]] = 1 }, "REALCODE"));
        Assert.Equal(UserMessages.CouponTooManyGuesses, blocked.Errors.Single().Message);
        Assert.Equal(PlaceHold.CouponField, blocked.Errors.Single().Field);

        _services.Client.Client = new ClientIdentity("198.51.100.9", null);
        var other = await _services.Get<PlaceHold>()
            .ExecuteAsync(new HoldRequest(_sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day"]] = 1 }, "REALCODE"));
        Assert.True(other.Succeeded);
    }
}
