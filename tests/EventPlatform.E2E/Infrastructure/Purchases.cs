using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.E2E.Infrastructure;

/// <summary>Someone else buying, through the same use cases the checkout page calls (the browser journey is tested on its own).</summary>
public static class Purchases
{
    /// <summary>Holds, fills in the attendee, pays with the test card; returns the order's ticket codes.</summary>
    /// <param name="afterHold">Runs between the hold's commit and the payment (to observe what a hold alone changes).</param>
    /// <param name="card">One of <see cref="SimulatedCards"/>' test cards that succeed (some are disputed later, or refuse refunds).</param>
    public static async Task<IReadOnlyList<string>> BuyAsync(this BrowserAppFixture fixture, SellableEvent sale, string typeName, int quantity, string attendee, Func<Task>? afterHold = null, string card = SimulatedCards.Success)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hold = await services.GetRequiredService<PlaceHold>().ExecuteAsync(new HoldRequest(sale.EventId, new Dictionary<Guid, int> { [sale.TypeIds[typeName]] = quantity }));
        Assert.True(hold.Succeeded, string.Join("; ", hold.Errors.Select(e => e.Message)));
        if (afterHold is not null)
        {
            await afterHold();
        }

        var key = hold.Value!.AccessKey;
        var view = await services.GetRequiredService<GetOrder>().ByKeyAsync(key);
        await services.GetRequiredService<SaveCheckoutDetails>().ExecuteAsync(key,
            new CheckoutDetails("buyer@example.com", null, view.Tickets.Select(t => new AttendeeDetails(t.Id, attendee, null, new Dictionary<string, string?>())).ToList()));
        await services.GetRequiredService<StartPayment>().ExecuteAsync(key);
        var paid = await services.GetRequiredService<SimulatedCheckout>().PayAsync(key, new SimulatedCard(card, "12/30", "123"), default);
        Assert.True(paid.Succeeded);
        return view.Tickets.Select(t => t.Code).ToList();
    }
}
