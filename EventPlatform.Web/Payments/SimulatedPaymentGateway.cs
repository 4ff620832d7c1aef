using System.Security.Cryptography;
using EventPlatform.Core.Common;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventPlatform.Web.Payments;

/// <summary>
/// A gateway that behaves like Stripe without moving money (architecture.md "Payments"): intents
/// live in our database, one per idempotency key; outcomes are reported as signed Stripe-format
/// events delivered, in a scope of their own as an HTTP webhook would be, to the same
/// <see cref="StripeWebhookProcessor"/> the endpoint uses.
/// </summary>
internal sealed class SimulatedPaymentGateway(IAppDbContextFactory dbFactory, IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock, ILogger<SimulatedPaymentGateway> logger)
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
        catch (DbUpdateException ex) when (DatabaseBusy.IsUniqueViolation(ex))
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
        return State(await db.SimulatedPaymentIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intentId, ct) ?? throw new NotFoundException());
    }

    public async Task<RefundOutcome> RefundAsync(string intentId, long amountMinor, string idempotencyKey, CancellationToken ct)
    {
        SimulatedPaymentIntent intent;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            // Conditional, like Stripe's own rule: never refund more than was charged.
            var changed = await db.SimulatedPaymentIntents
                .Where(i => i.Id == intentId && i.Status == SimulatedIntentStatus.Succeeded && i.AmountRefundedMinor + amountMinor <= i.AmountMinor)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AmountRefundedMinor, i => i.AmountRefundedMinor + amountMinor), ct);
            if (changed == 0)
            {
                return new RefundOutcome(false, null, "The charge cannot be refunded by this amount.");
            }

            intent = await db.SimulatedPaymentIntents.AsNoTracking().SingleAsync(i => i.Id == intentId, ct);
        }

        await DeliverAsync(SimulatedStripeEvents.ChargeRefundedEvent(intent), ct);
        return new RefundOutcome(true, "re_sim_" + idempotencyKey, null);
    }

    /// <summary>Records the card outcome on the intent and reports it as Stripe would.</summary>
    public async Task<PaymentIntentState> CompleteAsync(string intentId, SimulatedCardOutcome outcome, CancellationToken ct)
    {
        SimulatedPaymentIntent intent;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            if (outcome.Succeeded)
            {
                await db.SimulatedPaymentIntents.Where(i => i.Id == intentId && i.Status == SimulatedIntentStatus.RequiresPaymentMethod)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, SimulatedIntentStatus.Succeeded).SetProperty(i => i.LastFailureCode, (string?)null).SetProperty(i => i.LastFailureMessage, (string?)null), ct);
            }
            else
            {
                await db.SimulatedPaymentIntents.Where(i => i.Id == intentId && i.Status == SimulatedIntentStatus.RequiresPaymentMethod)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastFailureCode, outcome.DeclineCode).SetProperty(i => i.LastFailureMessage, outcome.Message), ct);
            }

            intent = await db.SimulatedPaymentIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intentId, ct) ?? throw new NotFoundException();
        }

        var payload = intent.Status == SimulatedIntentStatus.Succeeded
            ? SimulatedStripeEvents.PaymentIntentEvent("payment_intent.succeeded", intent)
            : SimulatedStripeEvents.PaymentIntentEvent("payment_intent.payment_failed", intent, outcome.DeclineCode, outcome.Message);
        await DeliverAsync(payload, ct);
        return State(intent);
    }

    private async Task DeliverAsync(string payload, CancellationToken ct)
    {
        // Signed with the wall clock, as Stripe does: Stripe.net checks the 5-minute tolerance against it.
        var signature = SimulatedStripeEvents.Sign(payload, options.Value.WebhookSecret!, DateTimeOffset.UtcNow);
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<StripeWebhookProcessor>().ProcessAsync(payload, signature, ct);
        if (outcome is WebhookOutcome.BadSignature or WebhookOutcome.Busy)
        {
            // The return page confirms from the intent's state anyway, as with Stripe when a webhook is late.
            logger.LogWarning("Simulated webhook delivery answered {Outcome}", outcome);
        }
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
