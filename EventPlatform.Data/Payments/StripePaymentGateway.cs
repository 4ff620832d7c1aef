using EventPlatform.Core.Payments;
using Microsoft.Extensions.Options;
using Stripe;

namespace EventPlatform.Data.Payments;

/// <summary>
/// Stripe through Stripe.net: PaymentIntents created with our idempotency key, card entry with
/// Stripe Elements in the browser (card data never reaches our server), and Connect destination
/// charges with the platform fee as application fee when the organization has an account.
/// </summary>
public sealed class StripePaymentGateway(IOptions<PaymentOptions> options, IHttpClientFactory httpClients) : IPaymentGateway
{
    /// <summary>A fresh client per call over the factory's pooled handlers (DNS changes are picked up); the circuit is shared.</summary>
    private StripeClient Client => StripeResilience.CreateClient(httpClients, options.Value);

    public string Name => "stripe";

    public bool IsDemo => false;

    public async Task<PaymentIntentState> CreateIntentAsync(PaymentIntentRequest request, CancellationToken ct)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = request.AmountMinor,
            Currency = request.Currency.ToLowerInvariant(),
            Description = request.Description,
            ReceiptEmail = request.ReceiptEmail,
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
            Metadata = new Dictionary<string, string> { ["order_id"] = request.OrderId.ToString(), ["order_number"] = request.OrderNumber },
        };
        if (request.DestinationAccountId is { } destination)
        {
            create.TransferData = new PaymentIntentTransferDataOptions { Destination = destination };
            create.ApplicationFeeAmount = request.ApplicationFeeMinor;
        }

        var intent = await StripeResilience.CallAsync(
            () => new PaymentIntentService(Client).CreateAsync(create, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct), ct);
        return State(intent);
    }

    public async Task<PaymentIntentState> FetchIntentAsync(string intentId, CancellationToken ct) =>
        State(await StripeResilience.CallAsync(() => new PaymentIntentService(Client).GetAsync(intentId, cancellationToken: ct), ct));

    public Task<PaymentIntentState> CancelIntentAsync(string intentId, CancellationToken ct) =>
        StripeResilience.CallAsync(() => CancelOrReadAsync(intentId, ct), ct);

    private async Task<PaymentIntentState> CancelOrReadAsync(string intentId, CancellationToken ct)
    {
        var service = new PaymentIntentService(Client);
        try
        {
            return State(await service.CancelAsync(intentId, cancellationToken: ct));
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "payment_intent_unexpected_state")
        {
            // Succeeded (or already cancelled) meanwhile: report what it is now.
            return State(await service.GetAsync(intentId, cancellationToken: ct));
        }
    }

    /// <summary>The refund's metadata key holding our idempotency key (<see cref="RefundPayments.RefundIdFromKey"/>).</summary>
    public const string RefundKeyMetadata = "idempotency_key";

    public Task<RefundOutcome> RefundAsync(string intentId, long amountMinor, string idempotencyKey, CancellationToken ct) =>
        StripeResilience.CallAsync(() => SendRefundAsync(intentId, amountMinor, idempotencyKey, ct), ct);

    private async Task<RefundOutcome> SendRefundAsync(string intentId, long amountMinor, string idempotencyKey, CancellationToken ct)
    {
        try
        {
            var intent = await new PaymentIntentService(Client).GetAsync(intentId, cancellationToken: ct);
            var refund = await new RefundService(Client).CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = intentId,
                    Amount = amountMinor,
                    // A destination charge moved the money to the organizer: take it back from there, fee included pro rata.
                    ReverseTransfer = intent.TransferData is not null ? true : null,
                    RefundApplicationFee = intent.TransferData is not null ? true : null,
                    // Lets a later refund.failed find our refund even before we stored Stripe's id.
                    Metadata = new Dictionary<string, string> { [RefundKeyMetadata] = idempotencyKey },
                },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                ct);
            return new RefundOutcome(refund.Status is "succeeded" or "pending", refund.Id, refund.FailureReason);
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "invalid_request_error")
        {
            return new RefundOutcome(false, null, ex.StripeError.Message);
        }
    }

    private static PaymentIntentState State(PaymentIntent intent) => new(
        intent.Id,
        intent.ClientSecret,
        intent.Status switch
        {
            "succeeded" => PaymentIntentOutcome.Succeeded,
            "canceled" => PaymentIntentOutcome.Canceled,
            "requires_payment_method" when intent.LastPaymentError is not null => PaymentIntentOutcome.Failed,
            _ => PaymentIntentOutcome.AwaitingPayment,
        },
        intent.Amount,
        intent.LastPaymentError?.Message);
}
