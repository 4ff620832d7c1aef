using EventPlatform.Data.Payments.Simulated;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.E2E.Infrastructure;

/// <summary>Someone else buying, through the same use cases the checkout page calls (the browser journey is tested on its own).</summary>
public static class Purchases
{
    /// <summary>Holds, fills in the attendee, pays with the test card; returns the order's ticket codes.</summary>
    /// <param name="afterHold">Runs between the hold's commit and the payment (to observe what a hold alone changes).</param>
    /// <param name="card">One of <see cref="SimulatedCards"/>' test cards that succeed (some are disputed later, or refuse refunds).</param>
    /// <param name="buyerEmail">The guest buyer's email (the confirmation goes there).</param>
    public static async Task<IReadOnlyList<string>> BuyAsync(this BrowserAppFixture fixture, SellableEvent sale, string typeName, int quantity,
        string attendee, Func<Task>? afterHold = null, string card = SimulatedCards.Success, string buyerEmail = "buyer@example.com")
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var view = await Purchase.BuyAsync(scope.ServiceProvider, sale.EventId, new Dictionary<Guid, int> { [sale.TypeIds[typeName]] = quantity },
            CheckoutBuyer.Guest(buyerEmail, attendee), card, afterHold);
        return view.Tickets.Select(t => t.Code).ToList();
    }
}
