using System.Security.Cryptography;
using EventPlatform.Core.Common;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>
/// A gateway that behaves like Stripe without moving money (docs/architecture.md, "Payments"):
/// intents and refunds live in our database, one per idempotency key; every change is reported as a
/// signed Stripe-format event written in the same transaction (<see cref="SimulatedWebhookEvent"/>)
/// and delivered by <see cref="SimulatedWebhookDelivery"/> to the same
/// <see cref="StripeWebhookProcessor"/> the HTTP endpoint uses, retried until handled.
/// </summary>
public sealed class SimulatedPaymentGateway(SimulatedGatewayDatabase dbFactory, SimulatedWebhookDelivery webhooks, TimeProvider clock,
    IFaultInjector faults)
    : IPaymentGateway
{
    public string Name => "simulated";

    public bool IsDemo => true;

    public async Task<PaymentIntentState> CreateIntentAsync(PaymentIntentRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var existing = await db.SimulatedPaymentIntents.AsNoTracking().SingleOrDefaultAsync(i => i.IdempotencyKey == request.IdempotencyKey, ct);
        if (existing is not null)
        {
            return State(existing);
        }

        var intent = new SimulatedPaymentIntent
        {
            Id = "pi_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            IdempotencyKey = request.IdempotencyKey,
            OrderId = request.OrderId,
            AmountMinor = request.AmountMinor,
            Currency = request.Currency,
            ApplicationFeeMinor = request.ApplicationFeeMinor,
            DestinationAccountId = request.DestinationAccountId,
            Status = SimulatedIntentStatus.RequiresPaymentMethod,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SimulatedPaymentIntents.Add(intent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (PostgresErrors.Instance.IsUniqueViolation(ex))
        {
            // The same request twice at once (a double click): both get the one intent, as with Stripe.
            await using var again = await dbFactory.CreateAsync(ct);
            return State(await again.SimulatedPaymentIntents.AsNoTracking().SingleAsync(i => i.IdempotencyKey == request.IdempotencyKey, ct));
        }

        return State(intent);
    }

    public async Task<PaymentIntentState> FetchIntentAsync(string intentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return State(await db.SimulatedPaymentIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intentId, ct)
            ?? throw new NotFoundException());
    }

    public async Task<PaymentIntentState> CancelIntentAsync(string intentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        // Conditional, as Stripe refuses to cancel a succeeded intent.
        await db.SimulatedPaymentIntents.Where(i => i.Id == intentId && i.Status == SimulatedIntentStatus.RequiresPaymentMethod)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, SimulatedIntentStatus.Canceled), ct);
        return State(await db.SimulatedPaymentIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intentId, ct)
            ?? throw new NotFoundException());
    }

    public async Task<RefundOutcome> RefundAsync(string intentId, long amountMinor, string idempotencyKey, CancellationToken ct)
    {
        string eventId;
        string refundId;
        // The connection goes back to the pool before the webhook is sent: its processing needs one of its own.
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One refund of an intent at a time, as Stripe serializes them: a concurrent call with the
            // same key waits here, then finds the refund the first one made.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM simulated_payment_intents WHERE id = {intentId} FOR UPDATE", ct);
            // The same key again (a retry after a crash or a timeout) is the same refund, as with Stripe.
            if (await db.SimulatedRefunds.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, ct) is { } earlier)
            {
                return new RefundOutcome(true, earlier.Id, null);
            }

            // Conditional, like Stripe's own rule: never refund more than was charged. A refund that
            // will fail moves no money.
            var changed = await db.SimulatedPaymentIntents
                .Where(i => i.Id == intentId && i.Status == SimulatedIntentStatus.Succeeded && i.AmountRefundedMinor + amountMinor <= i.AmountMinor)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(i => i.AmountRefundedMinor, i => i.RefundsFailLater ? i.AmountRefundedMinor : i.AmountRefundedMinor + amountMinor),
                    ct);
            if (changed == 0)
            {
                return new RefundOutcome(false, null, "The charge cannot be refunded by this amount.");
            }

            var refund = new SimulatedRefund
            {
                Id = "re_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                IdempotencyKey = idempotencyKey,
                PaymentIntentId = intentId,
                AmountMinor = amountMinor,
                CreatedAt = clock.GetUtcNow(),
            };
            db.SimulatedRefunds.Add(refund);
            var intent = await db.SimulatedPaymentIntents.AsNoTracking().SingleAsync(i => i.Id == intentId, ct);
            eventId = intent.RefundsFailLater
                ? webhooks.Enqueue(db, "refund.failed", SimulatedStripeEvents.RefundFailedEvent(refund, intent))
                : webhooks.Enqueue(db, "charge.refunded", SimulatedStripeEvents.ChargeRefundedEvent(intent));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException ex) when (PostgresErrors.Instance.IsUniqueViolation(ex))
            {
                // The same key at the same moment: the other call made the refund.
                await using var again = await dbFactory.CreateAsync(ct);
                return new RefundOutcome(true,
                    (await again.SimulatedRefunds.AsNoTracking().SingleAsync(r => r.IdempotencyKey == idempotencyKey, ct)).Id, null);
            }

            refundId = refund.Id;
        }

        await webhooks.DeliverNowAsync(eventId, ct);
        return new RefundOutcome(true, refundId, null);
    }

    /// <summary>Records the card outcome on the intent and reports it as Stripe would.</summary>
    public async Task<PaymentIntentState> CompleteAsync(string intentId, SimulatedCardOutcome outcome, CancellationToken ct)
    {
        SimulatedPaymentIntent intent;
        string? eventId = null;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var pending = db.SimulatedPaymentIntents.Where(i => i.Id == intentId && i.Status == SimulatedIntentStatus.RequiresPaymentMethod);
            var changed = outcome.Succeeded
                ? await pending.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, SimulatedIntentStatus.Succeeded)
                    .SetProperty(i => i.LastFailureCode, (string?)null).SetProperty(i => i.LastFailureMessage, (string?)null)
                    .SetProperty(i => i.RefundsFailLater, outcome.RefundsFailLater), ct)
                : await pending.ExecuteUpdateAsync(s => s.SetProperty(i => i.LastFailureCode, outcome.DeclineCode)
                    .SetProperty(i => i.LastFailureMessage, outcome.Message), ct);
            intent = await db.SimulatedPaymentIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intentId, ct) ?? throw new NotFoundException();
            if (changed == 1)
            {
                eventId = intent.Status == SimulatedIntentStatus.Succeeded
                    ? webhooks.Enqueue(db, "payment_intent.succeeded", SimulatedStripeEvents.PaymentIntentEvent("payment_intent.succeeded", intent))
                    : webhooks.Enqueue(db, "payment_intent.payment_failed",
                        SimulatedStripeEvents.PaymentIntentEvent("payment_intent.payment_failed", intent, outcome.DeclineCode, outcome.Message));
                if (outcome.DisputedLater)
                {
                    // Sent by the delivery worker after the payment's own event, as a bank's dispute comes days later.
                    webhooks.Enqueue(db, "charge.dispute.created", SimulatedStripeEvents.DisputeEvent("charge.dispute.created", intent));
                }

                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        if (intent.Status == SimulatedIntentStatus.Succeeded)
        {
            faults.Reached(FaultPoints.AfterPaymentSucceeded);
        }

        if (eventId is not null)
        {
            await webhooks.DeliverNowAsync(eventId, ct);
        }

        return State(intent);
    }

    private static PaymentIntentState State(SimulatedPaymentIntent intent) => new(
        intent.Id,
        ClientSecret: intent.Id + "_secret_simulated",
        intent.Status switch
        {
            SimulatedIntentStatus.Succeeded => PaymentIntentOutcome.Succeeded,
            SimulatedIntentStatus.Canceled => PaymentIntentOutcome.Canceled,
            _ when intent.LastFailureMessage is not null => PaymentIntentOutcome.Failed,
            _ => PaymentIntentOutcome.AwaitingPayment,
        },
        intent.AmountMinor,
        intent.LastFailureMessage);
}
