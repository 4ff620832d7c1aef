using EventPlatform.Core.Common;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Payments;

/// <summary>What one reconciliation round did, for the log, the health report and the tests.</summary>
public sealed record ReconciliationRound(int Checked, int Applied, int Closed, int Failed);

/// <summary>
/// Never lose a paid order (docs/product.md, "Promises"; docs/reliability.md): webhooks can be
/// lost, late or undeliverable, so a worker asks the gateway about every payment we have not heard
/// the end of — Pending or Expired orders with an intent, no refund and no cancellation — once it
/// is a few minutes old. What the gateway says goes through <see cref="ApplyPaymentEvent"/>, the
/// webhook's own path, so an order is confirmed (or its late payment refunded) exactly once
/// whichever report comes first. An expired order's intent still unpaid after
/// <see cref="AbandonedAfter"/> is cancelled at the gateway, after which it can never be paid and
/// is no longer asked about.
/// </summary>
public sealed class ReconcilePayments(
    IAppDbContextFactory dbFactory,
    IPaymentReconciliationQueue queue,
    IPaymentGateway gateway,
    ApplyPaymentEvent apply,
    ISettingsService settings,
    TimeProvider clock,
    ILogger<ReconcilePayments> logger)
{
    public const int BatchSize = 50;

    /// <summary>How long a payment may still arrive for an expired order (it is honoured if the places are still free).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(24);

    /// <summary>By default each payment is asked about at most once per this interval, by any instance.</summary>
    public static readonly TimeSpan DefaultRecheckAfter = TimeSpan.FromSeconds(50);

    /// <summary>Checks every due payment (in batches). Safe to run on every instance at once.</summary>
    /// <param name="recheckAfter">A payment asked about more recently than this (by any instance) waits for a later round.</param>
    public async Task<ReconciliationRound> ExecuteAsync(TimeSpan? recheckAfter = null, CancellationToken ct = default)
    {
        var recheck = recheckAfter ?? DefaultRecheckAfter;
        var start = clock.GetUtcNow();
        var after = (await settings.GetAsync(ct)).ReconcilePaymentsAfter;
        int checkedCount = 0, applied = 0, closed = 0, failed = 0;
        while (true)
        {
            var batch = await queue.ClaimAsync(gateway.Name, start - after, start - recheck, clock.GetUtcNow(), BatchSize, ct);
            foreach (var payment in batch)
            {
                checkedCount++;
                try
                {
                    switch (await ReconcileAsync(payment, ct))
                    {
                        case Outcome.Applied:
                            applied++;
                            break;
                        case Outcome.Closed:
                            closed++;
                            break;
                        case Outcome.Busy:
                            failed++;
                            break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The gateway is down or slow: the next round asks again.
                    failed++;
                    logger.LogWarning(ex, "Reconciliation of order {OrderNumber} (intent {IntentId}) failed; will retry", payment.OrderNumber,
                        payment.IntentId);
                }
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (applied > 0 || failed > 0)
        {
            logger.LogWarning(
                "Reconciliation checked {Checked} payments: {Applied} applied from the gateway's state (their webhook had not been handled), " +
                "{Closed} closed, {Failed} failed", checkedCount, applied, closed, failed);
        }

        return new ReconciliationRound(checkedCount, applied, closed, failed);
    }

    private enum Outcome
    {
        Unchanged,
        Applied,
        Closed,
        Busy,
    }

    private async Task<Outcome> ReconcileAsync(UnsettledPayment payment, CancellationToken ct)
    {
        var state = await gateway.FetchIntentAsync(payment.IntentId, ct);
        if (state.Outcome != PaymentIntentOutcome.Succeeded && state.Outcome != PaymentIntentOutcome.Canceled
            && payment.NoLongerHeldSince is { } endedAt && clock.GetUtcNow() - endedAt >= AbandonedAfter)
        {
            state = await gateway.CancelIntentAsync(payment.IntentId, ct);
        }

        switch (state.Outcome)
        {
            case PaymentIntentOutcome.Succeeded:
                var result = await apply.ExecuteAsync(new PaymentNotification(null, "reconciliation", PaymentNotificationKind.Succeeded,
                    payment.IntentId, payment.OrderId, state.AmountMinor), ct);
                if (result == PaymentEventResult.Applied)
                {
                    logger.LogWarning("Reconciliation applied the payment {IntentId} of order {OrderNumber}: its webhook had not been handled",
                        payment.IntentId, payment.OrderNumber);
                }

                return result switch
                {
                    PaymentEventResult.Applied => Outcome.Applied,
                    PaymentEventResult.Busy => Outcome.Busy,
                    _ => Outcome.Unchanged,
                };
            case PaymentIntentOutcome.Canceled:
                await using (var db = await dbFactory.CreateAsync(ct))
                {
                    var now = clock.GetUtcNow();
                    await db.Orders.Where(o => o.Id == payment.OrderId && o.PaymentIntentId == payment.IntentId)
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentClosedAt, now), ct);
                }

                return Outcome.Closed;
            default:
                return Outcome.Unchanged;
        }
    }
}
