using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>
/// What the demo card form does when the buyer presses Pay: check the card, settle the intent
/// with the test card's outcome (reported as a signed webhook event), then confirm from the
/// intent's state like a return page. Pressing Pay again after success changes nothing.
/// </summary>
public sealed class SimulatedCheckout(SimulatedPaymentGateway gateway, GetOrderIntent orders, ConfirmReturnedPayment confirm, TimeProvider clock)
{
    public const string CardField = "Card";

    public async Task<CommandResult<OrderStatus>> PayAsync(string accessKey, SimulatedCard card, CancellationToken ct)
    {
        var errors = SimulatedCards.Validate(card, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return CommandResult<OrderStatus>.Failure(errors);
        }

        var intentId = await orders.IntentIdAsync(accessKey, ct);
        if (intentId is null)
        {
            return CommandResult<OrderStatus>.Failure(new ValidationFailure(CardField, UserMessages.DetailsIncomplete));
        }

        var state = await gateway.FetchIntentAsync(intentId, ct);
        if (state.Outcome != PaymentIntentOutcome.Succeeded)
        {
            state = await gateway.CompleteAsync(intentId, SimulatedCards.Outcome(card.Number), ct);
        }

        var status = await confirm.ExecuteAsync(accessKey, ct);
        return state.Outcome == PaymentIntentOutcome.Succeeded
            ? CommandResult<OrderStatus>.Success(status)
            : CommandResult<OrderStatus>.Failure(new ValidationFailure(CardField, state.FailureMessage ?? "The payment did not go through."));
    }
}
