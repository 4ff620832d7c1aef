using EventPlatform.Core.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace EventPlatform.Data.Payments;

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
public sealed class StripeWebhookProcessor(IOptions<PaymentOptions> options, ApplyPaymentEvent apply, ILogger<StripeWebhookProcessor> logger)
{
    public const long ToleranceSeconds = 300;

    public async Task<WebhookOutcome> ProcessAsync(string payload, string? signatureHeader, CancellationToken ct)
    {
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader ?? "", options.Value.WebhookSecret ?? "", ToleranceSeconds,
                throwOnApiVersionMismatch: false);
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
        logger.LogInformation("Webhook event {EventId} ({Type}) for {IntentId}: {Result}", stripeEvent.Id, stripeEvent.Type, notification.IntentId,
            result);
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
            new(e.Id, e.Type, PaymentNotificationKind.Succeeded, intent.Id, OrderId(intent.Metadata),
                intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount),
        PaymentIntent intent when e.Type == EventTypes.PaymentIntentPaymentFailed =>
            new(e.Id, e.Type, PaymentNotificationKind.Failed, intent.Id, OrderId(intent.Metadata), intent.Amount, intent.LastPaymentError?.Message),
        Charge charge when e.Type == EventTypes.ChargeRefunded && charge.PaymentIntentId is not null =>
            new(e.Id, e.Type, PaymentNotificationKind.Refunded, charge.PaymentIntentId, OrderId(charge.Metadata), charge.AmountRefunded),
        // A refund can fail days later (the card was closed): refund.failed, or an update to status failed.
        Refund refund when refund.Status == "failed" && refund.PaymentIntentId is not null
                && e.Type is EventTypes.RefundFailed or EventTypes.RefundUpdated or EventTypes.ChargeRefundUpdated =>
            new(e.Id, e.Type, PaymentNotificationKind.RefundFailed, refund.PaymentIntentId, null, refund.Amount, FailureWording(refund.FailureReason),
                ProviderRefundId: refund.Id,
                    RefundId: RefundPayments.RefundIdFromKey(refund.Metadata?.GetValueOrDefault(StripePaymentGateway.RefundKeyMetadata))),
        Dispute dispute when dispute.PaymentIntentId is not null && e.Type == EventTypes.ChargeDisputeCreated =>
            new(e.Id, e.Type, PaymentNotificationKind.DisputeOpened, dispute.PaymentIntentId, null, dispute.Amount, dispute.Reason),
        Dispute dispute when dispute.PaymentIntentId is not null && e.Type == EventTypes.ChargeDisputeClosed =>
            new(e.Id, e.Type, PaymentNotificationKind.DisputeClosed, dispute.PaymentIntentId, null, dispute.Amount, dispute.Reason,
                Status: dispute.Status),
        _ => null,
    };

    /// <summary>Stripe's failure codes (expired_or_canceled_card, lost_or_stolen_card, unknown) in words for the organizer.</summary>
    private static string FailureWording(string? reason) => reason switch
    {
        "expired_or_canceled_card" => "the buyer's card has expired or was cancelled.",
        "lost_or_stolen_card" => "the buyer's card was reported lost or stolen.",
        null or "" or "unknown" => "the card issuer refused it.",
        _ => reason.Replace('_', ' ') + ".",
    };

    private static Guid? OrderId(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("order_id", out var raw) && Guid.TryParse(raw, out var id) ? id : null;
}
