using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Payments;

/// <param name="Confirmed">A free order: confirmed, nothing to pay.</param>
/// <param name="ClientSecret">For Stripe Elements in the browser.</param>
public sealed record PaymentStart(bool Confirmed, string? IntentId, string? ClientSecret);

/// <summary>
/// Step 6 of buying: free orders are confirmed at once; others get one payment intent per order
/// and amount. The idempotency key is derived from both, so pressing Pay twice, refreshing or
/// going back returns the same intent and can never charge twice.
/// </summary>
public sealed class StartPayment(IAppDbContextFactory dbFactory, IPaymentGateway gateway, OrderConfirmation confirmation, TimeProvider clock,
    ApplyPaymentEvent apply, IFaultInjector faults, AppMetrics metrics, ILogger<StartPayment> logger, IDatabaseErrors databaseErrors)
{
    public async Task<CommandResult<PaymentStart>> ExecuteAsync(string accessKey, CancellationToken ct = default)
    {
        if (!OrderViews.IsPlausibleKey(accessKey))
        {
            throw new NotFoundException();
        }

        await using var db = await dbFactory.CreateAsync(ct);
        // The order with what the intent needs of its event and organizer, in one read.
        var found = await db.Orders.AsNoTracking().Where(o => o.AccessKey == accessKey)
            .Join(db.Events, o => o.EventId, e => e.Id, (o, e) => new { Order = o, e.Title, e.OrganizationId })
            .Join(db.Organizations, x => x.OrganizationId, g => g.Id, (x, g) => new { x.Order, x.Title, g.StripeAccountId })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var order = found.Order;
        var orderId = order.Id;
        var now = clock.GetUtcNow();
        if (order.Status == OrderStatus.Paid)
        {
            return CommandResult<PaymentStart>.Success(new PaymentStart(true, order.PaymentIntentId, null));
        }

        if (order.Status != OrderStatus.Pending || now >= order.HoldExpiresAt)
        {
            return Fail(order.Status == OrderStatus.Pending ? UserMessages.HoldExpired : UserMessages.OrderNotPending);
        }

        if (!order.DetailsCompleted)
        {
            return Fail(UserMessages.DetailsIncomplete);
        }

        if (order.TotalMinor == 0)
        {
            return await ConfirmFreeAsync(db, orderId, now, ct);
        }

        var request = new PaymentIntentRequest(
            order.Id,
            order.Number,
            order.TotalMinor,
            order.Currency,
            // Never more than the charge (an absorbed fixed fee on a tiny order would be refused by Stripe).
            ApplicationFeeMinor: Math.Min(order.FeeMinor, order.TotalMinor),
            DestinationAccountId: found.StripeAccountId,
            order.BuyerEmail,
            $"{found.Title} — order {order.Number}",
            IdempotencyKey: "");
        // Same order and same parameters → same key → the same intent, however often Pay is pressed.
        // Any change (amount, email, fee, account) makes a new key, as Stripe requires.
        request = request with { IdempotencyKey = $"order-{order.Id:N}-{IdempotencyHash(request)}" };
        PaymentIntentState intent;
        try
        {
            intent = await gateway.CreateIntentAsync(request, ct);
        }
        catch (ProviderUnavailableException ex)
        {
            // The gateway is failing or its circuit is open: the hold stays, the buyer retries shortly.
            logger.LogWarning("Payment intent for order {OrderNumber} not created: {Reason}", order.Number, ex.InnerException?.Message ?? ex.Message);
            metrics.PaymentStart("unavailable");
            return Fail(UserMessages.PaymentsUnavailable);
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex))
        {
            // The database went away mid-call (the simulated gateway keeps its intents there): the
            // same key returns the same intent, so pressing Pay again is safe.
            logger.LogWarning(ex, "Payment intent for order {OrderNumber} not created: database busy", order.Number);
            metrics.PaymentStart("unavailable");
            return Fail(UserMessages.Busy);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Payment intent for order {OrderNumber} could not be created", order.Number);
            metrics.PaymentStart("failed");
            return Fail(UserMessages.PaymentNotStarted);
        }

        faults.Reached(FaultPoints.AfterIntentCreated);
        // A crash before this line leaves an intent the order does not know: the browser never got
        // its client secret, so it cannot have been paid, and pressing Pay again returns it (same key).
        var attached = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(o => o.PaymentIntentId, intent.IntentId)
                .SetProperty(o => o.PaymentProvider, gateway.Name)
                .SetProperty(o => o.PaymentStartedAt, o => o.PaymentIntentId == intent.IntentId ? o.PaymentStartedAt : now), ct);
        if (attached == 0)
        {
            return Fail(UserMessages.OrderNotPending);
        }

        if (order.PaymentIntentId is { } replaced && replaced != intent.IntentId && order.PaymentProvider == gateway.Name)
        {
            await CancelReplacedIntentAsync(order, replaced, ct);
        }

        logger.LogInformation("Payment intent {IntentId} for order {OrderNumber} ({Amount} {Currency})", intent.IntentId, order.Number,
            order.TotalMinor, order.Currency);
        metrics.PaymentStart("started");
        return CommandResult<PaymentStart>.Success(new PaymentStart(false, intent.IntentId, intent.ClientSecret));
    }

    /// <summary>
    /// The total changed since the buyer last pressed Pay: the old intent must never be paid now,
    /// as reconciliation only follows the order's current one. If it was paid in the meantime (another
    /// tab), the gateway refuses the cancellation and the payment is refunded like any stray one.
    /// </summary>
    private async Task CancelReplacedIntentAsync(Order order, string replacedIntentId, CancellationToken ct)
    {
        try
        {
            var state = await gateway.CancelIntentAsync(replacedIntentId, ct);
            if (state.Outcome == PaymentIntentOutcome.Succeeded)
            {
                await apply.ExecuteAsync(new PaymentNotification(null, "replaced_intent", PaymentNotificationKind.Succeeded, replacedIntentId,
                    order.Id, state.AmountMinor), ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Its webhook, if it is ever paid, still carries our order id and is refunded then.
            logger.LogWarning(ex, "Replaced intent {IntentId} of order {OrderNumber} could not be cancelled", replacedIntentId, order.Number);
        }
    }

    private async Task<CommandResult<PaymentStart>> ConfirmFreeAsync(IAppDbContext db, Guid orderId, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
            var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
            // Checked again under the lock: another tab may have removed the code that made it free.
            if (order.Status == OrderStatus.Pending && (order.TotalMinor != 0 || !order.DetailsCompleted))
            {
                return Fail(UserMessages.OrderNotPending);
            }

            order.PaymentIntentId = null;
            var outcome = await confirmation.ConfirmLockedAsync(db, order, 0, now, order.BuyerUserId, "free order", ct);
            if (outcome is not (ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyPaid))
            {
                return Fail(UserMessages.HoldExpired);
            }

            order.PaymentProvider = "free";
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (outcome == ConfirmOutcome.Confirmed)
            {
                metrics.Purchase("free");
            }

            return CommandResult<PaymentStart>.Success(new PaymentStart(true, null, null));
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex))
        {
            return Fail(UserMessages.Busy);
        }
    }

    private static string IdempotencyHash(PaymentIntentRequest r) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('|', r.AmountMinor, r.Currency, r.ApplicationFeeMinor, r.DestinationAccountId, r.ReceiptEmail, r.Description))))[..16];

    private static CommandResult<PaymentStart> Fail(string message) => CommandResult<PaymentStart>.Failure(new ValidationFailure("Payment", message));
}
