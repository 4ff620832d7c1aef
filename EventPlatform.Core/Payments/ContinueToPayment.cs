using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Checkout;

namespace EventPlatform.Core.Payments;

/// <summary>
/// Checkout's "Continue to payment": saves the buyer's and attendees' details, then starts the
/// payment (a free order is confirmed at once). One use case, so the checkout page, the fault driver
/// and the tests take the same two steps in the same order and a page never orchestrates them.
/// A failure carries the errors of the step that failed, by field.
/// </summary>
public sealed class ContinueToPayment(SaveCheckoutDetails saveDetails, StartPayment startPayment)
{
    public async Task<CommandResult<PaymentStart>> ExecuteAsync(string accessKey, CheckoutDetails details, CancellationToken ct = default)
    {
        var saved = await saveDetails.ExecuteAsync(accessKey, details, ct);
        if (!saved.Succeeded)
        {
            return CommandResult<PaymentStart>.Failure(saved.Errors);
        }

        return await startPayment.ExecuteAsync(accessKey, ct);
    }
}
