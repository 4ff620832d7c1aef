using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using Xunit;

namespace EventPlatform.TestSupport.Buying;

/// <summary>What the checkout form is filled in with: the buyer, and each ticket's attendee (no email, no answers).</summary>
public sealed record CheckoutBuyer(string Email, string? Name, Func<OrderTicketView, string> Attendee)
{
    /// <summary>buyer@example.test, "Bea Buyer", attendees "Attendee 1", "Attendee 2", …</summary>
    public static CheckoutBuyer Default { get; } = new("buyer@example.test", "Bea Buyer", t => $"Attendee {t.Position}");

    /// <summary>A buyer who gives no name, with one attendee name for every ticket.</summary>
    public static CheckoutBuyer Guest(string email, string attendee) => new(email, null, _ => attendee);
}

/// <summary>
/// The buyer's steps through the real use cases, as the event and checkout pages call them:
/// hold → details → payment intent → card (the simulated gateway's test cards). Each step resolves
/// the use cases from <c>services</c>: <see cref="CoreServices.Provider"/>, or a scope of the hosted app.
/// </summary>
public static class Purchase
{
    /// <summary>Continue on the event page.</summary>
    public static Task<CommandResult<HoldPlaced>> HoldAsync(IServiceProvider services, Guid eventId, IReadOnlyDictionary<Guid, int> quantities,
        CancellationToken ct = default) =>
        services.GetRequiredService<PlaceHold>().ExecuteAsync(new HoldRequest(eventId, quantities), ct);

    /// <summary>A hold that must succeed.</summary>
    public static async Task<HoldPlaced> HeldAsync(IServiceProvider services, Guid eventId, IReadOnlyDictionary<Guid, int> quantities,
        CancellationToken ct = default)
    {
        var result = await HoldAsync(services, eventId, quantities, ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    /// <summary>The checkout form saved (must succeed); returns the order as read to fill it in.</summary>
    public static async Task<OrderView> SaveDetailsAsync(IServiceProvider services, string key, CheckoutBuyer? buyer = null,
        CancellationToken ct = default)
    {
        buyer ??= CheckoutBuyer.Default;
        var view = await services.GetRequiredService<GetOrder>().ByKeyAsync(key, ct);
        var details = FormFor(view, buyer);
        var saved = await services.GetRequiredService<SaveCheckoutDetails>().ExecuteAsync(key, details, ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        return view;
    }

    /// <summary>The payment intent (must succeed).</summary>
    public static async Task<PaymentStart> StartPaymentAsync(IServiceProvider services, string key, CancellationToken ct = default)
    {
        var start = await services.GetRequiredService<StartPayment>().ExecuteAsync(key, ct);
        Assert.True(start.Succeeded, string.Join("; ", start.Errors.Select(e => e.Message)));
        return start.Value!;
    }

    /// <summary>Pay on the demo card form with one of <see cref="SimulatedCards"/>' numbers (valid expiry and CVC).</summary>
    public static Task<CommandResult<OrderStatus>> PayByCardAsync(IServiceProvider services, string key, string card = SimulatedCards.Success,
        CancellationToken ct = default) =>
        services.GetRequiredService<SimulatedCheckout>().PayAsync(key, new SimulatedCard(card, "12/30", "123"), ct);

    /// <summary>Details, a payment intent, and the card: the whole of checkout after the hold. The card's answer is returned, not checked.</summary>
    public static async Task<CommandResult<OrderStatus>> PayAsync(IServiceProvider services, string key, string card = SimulatedCards.Success,
        CheckoutBuyer? buyer = null, CancellationToken ct = default)
    {
        buyer ??= CheckoutBuyer.Default;
        var view = await services.GetRequiredService<GetOrder>().ByKeyAsync(key, ct);
        var details = FormFor(view, buyer);
        var started = await services.GetRequiredService<ContinueToPayment>().ExecuteAsync(key, details, ct);
        Assert.True(started.Succeeded, string.Join("; ", started.Errors.Select(e => e.Message)));
        return await PayByCardAsync(services, key, card, ct);
    }

    /// <summary>
    /// Hold → details → payment intent → card, each step checked; the order ends paid. Returns the
    /// order as read at checkout (its tickets and their codes).
    /// </summary>
    /// <param name="afterHold">Runs between the hold's commit and checkout (to observe what a hold alone changes).</param>
    public static async Task<OrderView> BuyAsync(IServiceProvider services, Guid eventId, IReadOnlyDictionary<Guid, int> quantities,
        CheckoutBuyer? buyer = null, string card = SimulatedCards.Success, Func<Task>? afterHold = null, CancellationToken ct = default)
    {
        var hold = await HeldAsync(services, eventId, quantities, ct);
        if (afterHold is not null)
        {
            await afterHold();
        }

        var view = await SaveDetailsAsync(services, hold.AccessKey, buyer, ct);
        await StartPaymentAsync(services, hold.AccessKey, ct);
        var paid = await PayByCardAsync(services, hold.AccessKey, card, ct);
        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors.Select(e => e.Message)));
        return view;
    }

    private static CheckoutDetails FormFor(OrderView view, CheckoutBuyer buyer) =>
        new(buyer.Email, buyer.Name,
            view.Tickets.Select(t => new AttendeeDetails(t.Id, buyer.Attendee(t), null, new Dictionary<string, string?>())).ToList());
}
