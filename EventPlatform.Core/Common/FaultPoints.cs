namespace EventPlatform.Core.Common;

/// <summary>
/// Named places in the payment and email paths where the fault-injection suite kills the process
/// (docs/reliability.md). Each sits at a boundary where a crash leaves durable state half-way: the
/// suite proves that restart plus the workers always finish the job.
/// </summary>
public static class FaultPoints
{
    /// <summary>A hold was committed; the buyer has not entered details yet.</summary>
    public const string AfterHoldCommitted = "hold.committed";

    /// <summary>The gateway created the intent; the order does not know it yet.</summary>
    public const string AfterIntentCreated = "payment.intent_created";

    /// <summary>The gateway recorded the payment as succeeded; its webhook has not been handled.</summary>
    public const string AfterPaymentSucceeded = "payment.succeeded_at_gateway";

    /// <summary>Inside the confirming transaction, after the order is written and before commit.</summary>
    public const string InsideConfirmation = "payment.confirming";

    /// <summary>The confirmation committed; its email is still in the outbox.</summary>
    public const string AfterConfirmationCommitted = "payment.confirmed";

    /// <summary>A refund was recorded and committed; it has not reached the gateway.</summary>
    public const string BeforeRefundSent = "refund.recorded";

    /// <summary>The gateway refunded; we have not written that down yet.</summary>
    public const string AfterRefundSent = "refund.sent";

    public static IReadOnlyList<string> All { get; } =
        [AfterHoldCommitted, AfterIntentCreated, AfterPaymentSucceeded, InsideConfirmation, AfterConfirmationCommitted, BeforeRefundSent,
            AfterRefundSent];
}

/// <summary>
/// Called at each <see cref="FaultPoints"/> place. Does nothing in a normal run; the fault-injection
/// suite starts the app with an injector that kills the process there (see the web host's
/// <c>FaultInjection</c>).
/// </summary>
public interface IFaultInjector
{
    void Reached(string point);
}

public sealed class NoFaults : IFaultInjector
{
    public void Reached(string point)
    {
    }
}
