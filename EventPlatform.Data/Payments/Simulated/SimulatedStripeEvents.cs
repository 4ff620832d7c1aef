using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventPlatform.Core.Payments;
using Stripe;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>
/// Writes events in Stripe's format and signs them as Stripe does
/// (<c>t=…,v1=HMAC-SHA256(secret, "t.payload")</c>), so the simulated gateway exercises exactly
/// the verification and handling of real webhooks. Tests use it to play Stripe too.
/// </summary>
public static class SimulatedStripeEvents
{
    public static string PaymentIntentEvent(string type, SimulatedPaymentIntent intent, string? failureCode = null, string? failureMessage = null) =>
        Envelope(type, new Dictionary<string, object?>
        {
            ["id"] = intent.Id,
            ["object"] = "payment_intent",
            ["amount"] = intent.AmountMinor,
            ["amount_received"] = type == "payment_intent.succeeded" ? intent.AmountMinor : 0,
            ["currency"] = intent.Currency.ToLowerInvariant(),
            ["status"] = type == "payment_intent.succeeded" ? "succeeded" : "requires_payment_method",
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = intent.OrderId.ToString() },
            ["last_payment_error"] = failureMessage is null ? null : new Dictionary<string, object?> { ["code"] = failureCode,
                ["message"] = failureMessage, ["type"] = "card_error" },
        });

    public static string ChargeRefundedEvent(SimulatedPaymentIntent intent) =>
        Envelope("charge.refunded", new Dictionary<string, object?>
        {
            ["id"] = "ch_sim_" + intent.Id["pi_sim_".Length..],
            ["object"] = "charge",
            ["amount"] = intent.AmountMinor,
            ["amount_refunded"] = intent.AmountRefundedMinor,
            ["currency"] = intent.Currency.ToLowerInvariant(),
            ["payment_intent"] = intent.Id,
            ["refunded"] = intent.AmountRefundedMinor == intent.AmountMinor,
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = intent.OrderId.ToString() },
        });

    /// <summary>refund.failed: a refund accepted at first whose money could not go back after all.</summary>
    public static string RefundFailedEvent(SimulatedRefund refund, SimulatedPaymentIntent intent,
        string failureReason = "expired_or_canceled_card") =>
        Envelope("refund.failed", new Dictionary<string, object?>
        {
            ["id"] = refund.Id,
            ["object"] = "refund",
            ["amount"] = refund.AmountMinor,
            ["currency"] = intent.Currency.ToLowerInvariant(),
            ["payment_intent"] = intent.Id,
            ["status"] = "failed",
            ["failure_reason"] = failureReason,
            ["metadata"] = new Dictionary<string, string> { [StripePaymentGateway.RefundKeyMetadata] = refund.IdempotencyKey },
        });

    /// <summary>charge.dispute.created / charge.dispute.closed for an intent's charge.</summary>
    public static string DisputeEvent(string type, SimulatedPaymentIntent intent, string reason = "fraudulent", string status = "needs_response") =>
        Envelope(type, new Dictionary<string, object?>
        {
            ["id"] = "dp_sim_" + intent.Id["pi_sim_".Length..],
            ["object"] = "dispute",
            ["amount"] = intent.AmountMinor,
            ["currency"] = intent.Currency.ToLowerInvariant(),
            ["charge"] = "ch_sim_" + intent.Id["pi_sim_".Length..],
            ["payment_intent"] = intent.Id,
            ["reason"] = reason,
            ["status"] = status,
        });

    public static string Envelope(string type, object dataObject, string? eventId = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = eventId ?? "evt_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        });

    /// <summary>The <c>Stripe-Signature</c> header value for a payload.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }
}
