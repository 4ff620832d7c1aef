using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>
/// One person with many sessions cannot hold a whole on-sale. The limits are counted in the
/// database under per-client locks, so a parallel flood is refused past them.
/// </summary>
public sealed class HoldLimitTests : IAsyncLifetime
{
    private static readonly ClientIdentity Flooder = new("203.0.113.7", "flooder-device-000000");
    private static readonly ClientIdentity Fan = new("198.51.100.20", "fan-device-0000000000");
    private CoreServices _services = default!;
    private SellableEvent _sale = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("holdlimits");
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        var organizationId = (await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager))).Id;
        _sale = await _services.Db.AddSellableEventAsync(organizationId, "on-sale", [500], new SeedTicketType("Day", 2500, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AParallelFloodFromOneBrowser_HoldsOnlyThreeOrders_AndAnotherClientStillBuys()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 25).Select(_ => Task.Run(async () =>
        {
            _services.Client.Client = Flooder;
            await start.Task;
            return await _services.HoldAsync(_sale.EventId, (Day, 2));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(string.Format(UserMessages.TooManyOpenHolds, 3), r.Errors.Single().Message));
        Assert.Equal(6, await HeldTicketsAsync());

        _services.Client.Client = Fan;
        var fan = await _services.HeldAsync(_sale.EventId, (Day, 2));
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(fan.AccessKey)).Value);
        await _services.AssertCountersMatchTicketsAsync(_sale.EventId);
    }

    [Fact]
    public async Task ManyBrowsersBehindOneAddress_HoldAtMostThirtyTicketsOfAnEvent()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            _services.Client.Client = new ClientIdentity(Flooder.Address, $"browser-{i:D2}-000000000000");
            await start.Task;
            return await _services.HoldAsync(_sale.EventId, (Day, 4));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        // 7 × 4 = 28 tickets; an eighth order would make 32, past the 30 per address and event.
        Assert.Equal(7, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(UserMessages.TooManyHeldFromAddress, r.Errors.Single().Message));
        Assert.Equal(28, await HeldTicketsAsync());

        // Two more fit under the limit; another address is not affected at all.
        _services.Client.Client = new ClientIdentity(Flooder.Address, "browser-last-000000000");
        await _services.HeldAsync(_sale.EventId, (Day, 2));
        _services.Client.Client = Fan;
        await _services.HeldAsync(_sale.EventId, (Day, 10));
    }

    [Fact]
    public async Task AnOrderThatIsPaidOrRunsOut_NoLongerCounts()
    {
        _services.Client.Client = Flooder;
        var first = await _services.HeldAsync(_sale.EventId, (Day, 1));
        await _services.HeldAsync(_sale.EventId, (Day, 1));
        await _services.HeldAsync(_sale.EventId, (Day, 1));
        Assert.False((await _services.HoldAsync(_sale.EventId, (Day, 1))).Succeeded);

        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(first.AccessKey)).Value);
        await _services.HeldAsync(_sale.EventId, (Day, 1));
        Assert.False((await _services.HoldAsync(_sale.EventId, (Day, 1))).Succeeded);

        // Holds that ran out free the browser again, even before the releaser has swept them.
        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        await _services.HeldAsync(_sale.EventId, (Day, 1));
    }

    [Fact]
    public async Task TheLimitsAreSettings()
    {
        await _services.Get<ISettingsService>().SetAsync(SettingKeys.MaxOpenHoldsPerDevice, "1");
        _services.Client.Client = Flooder;
        await _services.HeldAsync(_sale.EventId, (Day, 1));

        var second = await _services.HoldAsync(_sale.EventId, (Day, 1));

        Assert.Equal(string.Format(UserMessages.TooManyOpenHolds, 1), second.Errors.Single().Message);
        Assert.Equal(PlaceHold.QuantitiesField, second.Errors.Single().Field);
    }

    [Fact]
    public async Task AClientThatKeepsTrying_IsToldToWait_BeforeTheDatabaseIsAsked()
    {
        _services.Client.Client = Flooder;
        for (var i = 0; i < HoldAttemptRate.PerMinute; i++)
        {
            await _services.HoldAsync(_sale.EventId, (Day, 1));
        }

        var next = await _services.HoldAsync(_sale.EventId, (Day, 1));

        Assert.Equal(UserMessages.TooManyHoldAttempts, next.Errors.Single().Message);
        Assert.Equal(3, await HeldTicketsAsync());
    }

    private Guid Day => _sale.TypeIds["Day"];

    private async Task<int> HeldTicketsAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.Tickets.CountAsync(t => t.EventId == _sale.EventId && t.Status == TicketStatus.Reserved);
    }
}
