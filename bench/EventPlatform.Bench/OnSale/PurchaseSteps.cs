using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;

namespace EventPlatform.Bench;

/// <summary>
/// A buyer's steps through the app's use cases, as the pages call them: hold; details (the checkout
/// page reads the order, then saves); payment intent; the demo card form's Pay (card, signed webhook,
/// confirmation, return page).
/// </summary>
internal static class PurchaseSteps
{
    public static Task<CommandResult<HoldPlaced>> HoldAsync(IServiceProvider services, Guid eventId, Guid typeId, int quantity) =>
        services.GetRequiredService<PlaceHold>().ExecuteAsync(new HoldRequest(eventId, new Dictionary<Guid, int> { [typeId] = quantity }));

    public static async Task DetailsAsync(IServiceProvider services, string key, string email)
    {
        var view = await services.GetRequiredService<GetOrder>().ByKeyAsync(key);
        await services.GetRequiredService<SaveCheckoutDetails>().ExecuteAsync(key, new CheckoutDetails(email, null,
            view.Tickets.Select(t => new AttendeeDetails(t.Id, "Bench buyer", null, new Dictionary<string, string?>())).ToList()));
    }

    public static Task IntentAsync(IServiceProvider services, string key) => services.GetRequiredService<StartPayment>().ExecuteAsync(key);

    /// <returns>Whether the order ended paid.</returns>
    public static async Task<bool> PayAsync(IServiceProvider services, string key)
    {
        var paid = await services.GetRequiredService<SimulatedCheckout>()
            .PayAsync(key, new SimulatedCard(SimulatedCards.Success, "12/30", "123"), default);
        return paid.Value == OrderStatus.Paid;
    }
}
