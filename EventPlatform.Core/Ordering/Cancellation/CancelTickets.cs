using EventPlatform.Core.Catalog.Browsing;
using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Cancellation;

/// <summary>What was cancelled and how much goes back.</summary>
public sealed record CancellationDone(int TicketsCancelled, Money Refund);

/// <summary>
/// Cancels a paid order's tickets — all, or some — and refunds them through the gateway: by the
/// buyer within the event's refund window, by the organizer at any time (full or partial refund),
/// or by the platform when the event is cancelled. The order row is locked first, tickets change
/// state by condition, and the refunded total is guarded by a CHECK constraint, so concurrent
/// requests can never refund more than was paid or release a place twice.
/// </summary>
public sealed class CancelTickets(
    IAppDbContextFactory dbFactory,
    EventDefinitions definitions,
    CatalogAccess catalogAccess,
    RefundPayments refunds,
    OrderConfirmation confirmation,
    AuditTrail audit,
    TimeProvider clock,
    IDatabaseErrors databaseErrors)
{
    public const string Field = "Cancel";

    /// <param name="ticketIds">Tickets to cancel; empty = every valid ticket of the order.</param>
    public async Task<CommandResult<CancellationDone>> ByBuyerAsync(string accessKey, IReadOnlyList<Guid> ticketIds, CancellationToken ct = default)
    {
        Guid orderId;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            orderId = await OrderViews.FindByKeyAsync(db, accessKey, ct) ?? throw new NotFoundException();
        }

        return await CancelAsync(orderId, ticketIds, null, "Cancelled by the buyer", null, "buyer", checkRefundWindow: true, ct);
    }

    /// <param name="refundMinor">Refund less than what the tickets cost (partial refund); null = everything they cost.</param>
    public async Task<CommandResult<CancellationDone>> ByOrganizerAsync(Guid orderId, IReadOnlyList<Guid> ticketIds, long? refundMinor,
        CancellationToken ct = default)
    {
        Guid userId;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            userId = (await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Manager, ct)).UserId;
        }

        return await CancelAsync(orderId, ticketIds, refundMinor, "Cancelled by the organizer", userId, null, checkRefundWindow: false, ct);
    }

    /// <summary>The event was cancelled: everything goes back, whatever the refund window says.</summary>
    internal Task<CommandResult<CancellationDone>> BecauseEventCancelledAsync(Guid orderId, Guid? actorUserId, CancellationToken ct) =>
        CancelAsync(orderId, [], null, "The event was cancelled", actorUserId, "event cancellation", checkRefundWindow: false, ct);

    private async Task<CommandResult<CancellationDone>> CancelAsync(Guid orderId, IReadOnlyList<Guid> ticketIds, long? refundOverride, string reason,
        Guid? actorUserId, string? actorLabel, bool checkRefundWindow, CancellationToken ct)
    {
        Guid? refundId = null;
        CancellationDone done;
        try
        {
            await using var db = await dbFactory.CreateAsync(ct);
            await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
            var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
            var now = clock.GetUtcNow();
            var targets = order.Tickets.Where(t => t.Status == TicketStatus.Valid && (ticketIds.Count == 0 || ticketIds.Contains(t.Id))).ToList();
            if (order.Status != OrderStatus.Paid || targets.Count == 0 || (ticketIds.Count > 0 && targets.Count != ticketIds.Distinct().Count()))
            {
                return Fail(UserMessages.NothingToCancel);
            }

            if (checkRefundWindow)
            {
                var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == order.EventId, ct);
                var firstStart = await FirstStartAsync(db, order, ct);
                if (RefundWindow.Problem(ev, firstStart, now) is { } problem)
                {
                    return Fail(problem);
                }
            }

            var owed = order.RefundFor(targets);
            var refund = refundOverride ?? owed;
            if (refund < 0 || refund > owed)
            {
                return Fail(string.Format(CultureInfo.InvariantCulture, UserMessages.RefundTooLarge, new Money(owed, order.Currency).Format()));
            }

            await CancelLockedAsync(db, order, targets, now, ct);
            order.RefundedMinor += refund;
            if (refund > 0)
            {
                refundId = RefundPayments.Record(db, order.Id, order.PaidOffline ? null : order.PaymentIntentId, refund, order.Currency,
                    reason, now).Id;
                db.Raise(new OrderRefunded(order.EventId, order.Id, order.OrganizationId, refund, order.Currency));
            }

            audit.Add(db, actorUserId, order.OrganizationId,
                order.Status == OrderStatus.Cancelled ? AuditActions.OrderCancelled : AuditActions.OrderTicketsCancelled, "Order",
                order.Id.ToString(),
                new OrderCancellationDetails(order.Number, targets.Select(t => t.Position).ToList(), refund, order.Currency, reason), actorLabel);
            if (order.BuyerEmail is not null)
            {
                var view = await OrderViews.ForLoadedAsync(db, definitions, order, now, ct);
                EmailOutbox.Enqueue(db, await confirmation.CancellationEmailAsync(db, view, targets.Count, refund, reason, ct), now);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            done = new CancellationDone(targets.Count, new Money(refund, order.Currency));
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex))
        {
            return Fail(UserMessages.Busy);
        }

        if (refundId is { } id)
        {
            await refunds.SendAsync(id, ct);
        }

        return CommandResult<CancellationDone>.Success(done);
    }

    /// <summary>
    /// Cancels valid tickets of a locked, paid order and puts their places back on sale; the order
    /// is cancelled with its last ticket. Refunds are the caller's (this one records none).
    /// </summary>
    internal static async Task CancelLockedAsync(IAppDbContext db, Order order, IReadOnlyList<Ticket> targets, DateTimeOffset now,
        CancellationToken ct)
    {
        var demand = await CapacityDemand.ForTicketsAsync(db, targets.Select(t => t.TicketTypeId).ToList(), ct);
        await db.Capacity.ReleaseAsync(demand, ct);
        db.Raise(new CapacityReleased(order.EventId, order.Id, demand.BySession, demand.ByTicketType));
        order.CancelTickets(targets, now);
    }

    private static async Task<DateTimeOffset> FirstStartAsync(IAppDbContext db, Order order, CancellationToken ct)
    {
        var typeIds = order.Tickets.Select(t => t.TicketTypeId).Distinct().ToList();
        var starts = await db.TicketTypeSessions.Where(l => typeIds.Contains(l.TicketTypeId)).Select(l => l.Session!.StartsAt).ToListAsync(ct);
        return starts.Count == 0 ? DateTimeOffset.MaxValue : starts.Min();
    }

    private static CommandResult<CancellationDone> Fail(string message) =>
        CommandResult<CancellationDone>.Failure(new ValidationFailure(Field, message));
}
