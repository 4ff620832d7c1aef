namespace EventPlatform.Core.Payments;

/// <summary>A gateway event that was applied; its id is the primary key, so each is processed once.</summary>
public class ProcessedPaymentEvent
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public string? PaymentIntentId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

public enum RefundStatus
{
    /// <summary>Recorded with the cancellation; the gateway has not confirmed it yet.</summary>
    Pending,
    Succeeded,
    Failed,
}

/// <summary>Money going back to a buyer, recorded in the same transaction that cancels what it pays for.</summary>
public class OrderRefund
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    /// <summary>The payment it returns money from; null for offline payments (settled by the organizer).</summary>
    public string? PaymentIntentId { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public required string Reason { get; set; }
    public RefundStatus Status { get; set; }
    public string? ProviderRefundId { get; set; }
    public string? FailureMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>A failed refund the organizer sent again: the refund that replaced it.</summary>
    public Guid? RetriedByRefundId { get; set; }
}

public enum SimulatedIntentStatus
{
    RequiresPaymentMethod,
    Succeeded,
    Canceled,
}

/// <summary>A payment intent of the simulated gateway, kept in our database as Stripe keeps its own.</summary>
public class SimulatedPaymentIntent
{
    public required string Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public Guid OrderId { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public long ApplicationFeeMinor { get; set; }
    public string? DestinationAccountId { get; set; }
    public SimulatedIntentStatus Status { get; set; }
    public string? LastFailureCode { get; set; }
    public string? LastFailureMessage { get; set; }
    public long AmountRefundedMinor { get; set; }
    /// <summary>Paid with the test card whose refunds fail after being accepted (4000 0000 0000 5126).</summary>
    public bool RefundsFailLater { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A refund made by the simulated gateway, one per idempotency key, as Stripe keeps them.</summary>
public class SimulatedRefund
{
    public required string Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string PaymentIntentId { get; set; }
    public long AmountMinor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A webhook event the simulated gateway owes us: written in the same transaction as the change it
/// reports (so a crash cannot lose it) and delivered by a worker, again and again with backoff until
/// it is handled, as Stripe retries for days.
/// </summary>
public class SimulatedWebhookEvent
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastOutcome { get; set; }
}
