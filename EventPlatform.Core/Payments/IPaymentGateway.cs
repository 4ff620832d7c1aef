namespace EventPlatform.Core.Payments;

/// <summary>What we ask a gateway to charge.</summary>
/// <param name="IdempotencyKey">The same key always yields the same intent: a retried request never charges twice.</param>
/// <param name="ApplicationFeeMinor">Platform fee kept when the charge goes to an organization's connected account.</param>
/// <param name="DestinationAccountId">The organization's connected account, or null to charge to the platform.</param>
public sealed record PaymentIntentRequest(
    Guid OrderId,
    string OrderNumber,
    long AmountMinor,
    string Currency,
    long ApplicationFeeMinor,
    string? DestinationAccountId,
    string? ReceiptEmail,
    string Description,
    string IdempotencyKey);

/// <summary>The gateway's view of an intent.</summary>
/// <param name="ClientSecret">Handed to the browser (Stripe Elements) to confirm the card there.</param>
public sealed record PaymentIntentState(string IntentId, string? ClientSecret, PaymentIntentOutcome Outcome, long AmountMinor,
    string? FailureMessage);

public enum PaymentIntentOutcome
{
    AwaitingPayment,
    Succeeded,
    Failed,
    Canceled,
}

public sealed record RefundOutcome(bool Succeeded, string? ProviderRefundId, string? FailureMessage);

/// <summary>
/// A payment provider (docs/architecture.md, "Payments"). Confirmation never comes from here
/// directly: it arrives as a webhook event (or a status fetch by the return page) and goes through
/// <see cref="ApplyPaymentEvent"/>.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>"simulated" or "stripe", stored on the order.</summary>
    string Name { get; }

    /// <summary>No real money moves: the pages show the demo banner and the test cards.</summary>
    bool IsDemo { get; }

    Task<PaymentIntentState> CreateIntentAsync(PaymentIntentRequest request, CancellationToken ct);

    Task<PaymentIntentState> FetchIntentAsync(string intentId, CancellationToken ct);

    /// <summary>
    /// Cancels an intent that was not paid, so it never can be. When it was paid meanwhile, the
    /// gateway refuses and the returned state says <see cref="PaymentIntentOutcome.Succeeded"/>.
    /// </summary>
    Task<PaymentIntentState> CancelIntentAsync(string intentId, CancellationToken ct);

    /// <param name="idempotencyKey">One key per recorded refund, so a retry never refunds twice.</param>
    Task<RefundOutcome> RefundAsync(string intentId, long amountMinor, string idempotencyKey, CancellationToken ct);
}
