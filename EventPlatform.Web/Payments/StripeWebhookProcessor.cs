using EventPlatform.Core.Payments;
using Microsoft.Extensions.Options;
using Stripe;

namespace EventPlatform.Web.Payments;

public enum WebhookOutcome
{
    BadSignature,
    Handled,
    Ignored,
    Busy,
}

/// <summary>
/// The one path every payment event takes, from Stripe over HTTP or from the simulated gateway in
/// process: verify the <c>Stripe-Signature</c> with Stripe.net (5-minute tolerance), map the event,
/// and hand it to <see cref="ApplyPaymentEvent"/>, which processes each event id once.
/// </summary>
internal sealed class StripeWebhookProcessor(IOptions<PaymentOptions> options, ApplyPaymentEvent apply, ILogger<StripeWebhookProcessor> logger)
{
    public const long ToleranceSeconds = 300;

    public async Task<WebhookOutcome> ProcessAsync(string payload, string? signatureHeader, CancellationToken ct)
    {
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader ?? "", options.Value.WebhookSecret ?? "", ToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Webhook refused: {Reason}", ex.Message);
            return WebhookOutcome.BadSignature;
        }

        var notification = Map(stripeEvent);
        if (notification is null)
        {
            logger.LogInformation("Webhook event {EventId} of type {Type} ignored", stripeEvent.Id, stripeEvent.Type);
            return WebhookOutcome.Ignored;
        }

        var result = await apply.ExecuteAsync(notification, ct);
        logger.LogInformation("Webhook event {EventId} ({Type}) for {IntentId}: {Result}", stripeEvent.Id, stripeEvent.Type, notification.IntentId, result);
        return result switch
        {
            PaymentEventResult.Busy => WebhookOutcome.Busy,
            PaymentEventResult.Applied => WebhookOutcome.Handled,
            _ => WebhookOutcome.Ignored,
        };
    }

    private static PaymentNotification? Map(Event e) => e.Data.Object switch
    {
        PaymentIntent intent when e.Type == EventTypes.PaymentIntentSucceeded =>
            new(e.Id, e.Type, PaymentNotificationKind.Succeeded, intent.Id, OrderId(intent.Metadata), intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount),
        PaymentIntent intent when e.Type == EventTypes.PaymentIntentPaymentFailed =>
            new(e.Id, e.Type, PaymentNotificationKind.Failed, intent.Id, OrderId(intent.Metadata), intent.Amount, intent.LastPaymentError?.Message),
        Charge charge when e.Type == EventTypes.ChargeRefunded && charge.PaymentIntentId is not null =>
            new(e.Id, e.Type, PaymentNotificationKind.Refunded, charge.PaymentIntentId, OrderId(charge.Metadata), charge.AmountRefunded),
        _ => null,
    };

    private static Guid? OrderId(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("order_id", out var raw) && Guid.TryParse(raw, out var id) ? id : null;
}
