using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>Deleting an event never deletes an order that a payment may still arrive for.</summary>
public sealed class EventDeletionTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private Guid _managerId;
    private Guid _organizationId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("eventdelete");
        _managerId = (await _services.Db.AddUserAsync("manager@riverside.test")).Id;
        _organizationId = (await _services.Db.AddOrganizationAsync("riverside", (_managerId, OrgRole.Manager))).Id;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AnExpiredOrderWithAPaymentIntent_KeepsTheEvent_WhileAbandonedOnesWithoutOneGo()
    {
        var withIntent = await _services.Db.AddSellableEventAsync(_organizationId, "late-payment", [10], new SeedTicketType("Day", 2000, [0]));
        var abandonedOnly = await _services.Db.AddSellableEventAsync(_organizationId, "abandoned", [10], new SeedTicketType("Day", 2000, [0]));
        _services.Caller.UserId = null;
        var paying = await _services.HeldAsync(withIntent.EventId, (withIntent.TypeIds["Day"], 1));
        await _services.FillDetailsAsync(paying.AccessKey);
        Assert.True((await _services.Get<StartPayment>().ExecuteAsync(paying.AccessKey)).Succeeded);
        await _services.HeldAsync(abandonedOnly.EventId, (abandonedOnly.TypeIds["Day"], 1));

        // Both holds run out and are released; the first order's payment may still succeed at the gateway.
        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        await _services.Get<ReleaseExpiredHolds>().ExecuteAsync(withIntent.EventId);
        await _services.Get<ReleaseExpiredHolds>().ExecuteAsync(abandonedOnly.EventId);

        _services.Caller.UserId = _managerId;
        var delete = _services.Get<DeleteEvent>();
        Assert.Equal(UserMessages.EventHasSales, (await delete.ExecuteAsync(withIntent.EventId)).ErrorFor(ValidationFailure.FormLevel));
        Assert.True((await delete.ExecuteAsync(abandonedOnly.EventId)).Succeeded);

        await using var db = await _services.Db.CreateAsync();
        Assert.True(await db.Orders.AnyAsync(o => o.AccessKey == paying.AccessKey && o.PaymentIntentId != null));
        Assert.True(await db.Events.AnyAsync(e => e.Id == withIntent.EventId));
        Assert.False(await db.Orders.AnyAsync(o => o.EventId == abandonedOnly.EventId));
    }
}
