using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Ordering.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventPlatform.Core.Payments;

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyPaid,
    /// <summary>Paid after the hold was released and the places (or the coupon's last use) are gone.</summary>
    NoLongerAvailable,
    /// <summary>The order was cancelled meanwhile; nothing was changed.</summary>
    NotConfirmable,
}

/// <summary>
/// Turns a locked order into a paid one, exactly once: the tickets its hold took become valid, the
/// confirmation email is queued — all in the caller's transaction. A payment that
/// arrives after the hold was released is honoured only if the places can still be sold.
/// </summary>
public sealed class OrderConfirmation(IOptions<SiteOptions> site, AuditTrail audit, EventDefinitions definitions,
    TemplatedEmails templated)
    : IDeferredEmailRenderer
{
    public string Kind => OrderEmails.ConfirmationKind;

    /// <param name="order">Locked with <see cref="Common.Database.IRowLocks.OrderAsync"/> in the current transaction.</param>
    public async Task<ConfirmOutcome> ConfirmLockedAsync(IAppDbContext db, Order order, long paidMinor, DateTimeOffset now, Guid? actorUserId,
        string actorLabel, CancellationToken ct)
    {
        if (!order.CanBePaid)
        {
            return order.Status == OrderStatus.Paid ? ConfirmOutcome.AlreadyPaid : ConfirmOutcome.NotConfirmable;
        }

        // A cancelled event sells nothing more, not even to a payment that was on its way.
        // FOR SHARE: a cancellation of the event waits for this confirmation to commit, so its refund run sees this order as paid.
        var eventStatus = await db.Locks.EventStatusSharedAsync(order.EventId, ct);
        if (eventStatus == Catalog.EventStatus.Cancelled)
        {
            return ConfirmOutcome.NoLongerAvailable;
        }

        var placed = order.TicketsAwaitingPayment();
        var wasLate = order.Status == OrderStatus.Expired;
        // Within its hold, the places are already taken (held and sold count alike): the session and
        // type rows, the hottest of an on-sale, are not touched again.
        if (wasLate && !await TakePlacesAgainAsync(db, order, placed, ct))
        {
            return ConfirmOutcome.NoLongerAvailable;
        }

        order.MarkPaid(paidMinor, now);
        audit.Add(db, actorUserId, order.OrganizationId, AuditActions.OrderPaid, "Order", order.Id.ToString(),
            new OrderPaidDetails(order.Number, order.TotalMinor, paidMinor, order.Currency, placed.Count, wasLate, order.PaidOffline), actorLabel);
        if (order.BuyerEmail is { } to)
        {
            // Built when it is sent (RenderAsync), by the outbox worker: its reads, QR codes and
            // calendar file stay out of this transaction and off the buyer's wait.
            EmailOutbox.EnqueueToRender(db, to, $"Your tickets ({order.Number})", OrderEmails.ConfirmationKind, order.Id, now);
        }

        db.Raise(new OrderPaid(order.EventId, order.Id, order.OrganizationId, order.TotalMinor, order.Currency));
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>An expired order's places were given back: take them (and its coupon use) again only if they are still free.</summary>
    private static async Task<bool> TakePlacesAgainAsync(IAppDbContext db, Order order, IReadOnlyList<Ticket> placed, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Confirmation needs a transaction.");
        await transaction.CreateSavepointAsync("late_payment", ct);
        var demand = await CapacityDemand.ForTicketsAsync(db, placed.Select(t => t.TicketTypeId).ToList(), ct);
        var sold = await db.Capacity.TryTakeAgainAsync(demand, ct);
        if (sold && order.CouponId is { } couponId && await db.Coupons.AnyAsync(c => c.Id == couponId, ct))
        {
            // The buyer paid the discounted price: the use counts again if the limit allows (deactivation does not matter).
            sold = await db.Coupons.Where(c => c.Id == couponId && (c.RedemptionLimit == null || c.Redeemed < c.RedemptionLimit))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Redeemed, c => c.Redeemed + 1), ct) == 1;
        }

        if (!sold)
        {
            await transaction.RollbackToSavepointAsync("late_payment", ct);
        }

        return sold;
    }

    /// <summary>The confirmation email of an order, as it is committed now (<see cref="IDeferredEmailRenderer"/>).</summary>
    public async Task<EmailMessage?> RenderAsync(IAppDbContext db, OutboxEmail email, DateTimeOffset now, CancellationToken ct)
    {
        if (email.OrderId is not { } orderId || await OrderViews.LoadAsync(db, definitions, orderId, now, ct) is not { } view)
        {
            return null;
        }

        return await ConfirmationEmailAsync(db, view, ct) with { To = email.To };
    }

    /// <summary>
    /// Queues the confirmation email, built now, for an order whose tracked state is already paid
    /// (a resend, a changed attendee: the email shows the change about to be committed).
    /// </summary>
    public async Task QueueConfirmationEmailAsync(IAppDbContext db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.BuyerEmail is null)
        {
            return;
        }

        // From the tracked (not yet saved) state: the email shows the order as it is about to be committed.
        var view = await OrderViews.ForLoadedAsync(db, definitions, order, now, ct);
        EmailOutbox.Enqueue(db, await ConfirmationEmailAsync(db, view, ct), now);
    }

    /// <summary>The confirmation with the tickets, in the organization's wording and branding.</summary>
    private async Task<EmailMessage> ConfirmationEmailAsync(IAppDbContext db, OrderView view, CancellationToken ct)
    {
        var email = await templated.PrepareAsync(db, view.Order.OrganizationId, EmailTemplateKind.OrderConfirmation,
            OrderEmails.Values(view, OrderUrl(view.Order), EventUrl(view)), ct);
        return OrderEmails.Confirmation(email, view, EventUrl(view), SignInUrl);
    }

    /// <summary>The email telling the buyer that tickets were cancelled and what is refunded, in the organization's wording and branding.</summary>
    public async Task<EmailMessage> CancellationEmailAsync(IAppDbContext db, OrderView view, int ticketsCancelled, long refundMinor, string reason,
        CancellationToken ct)
    {
        var email = await templated.PrepareAsync(db, view.Order.OrganizationId, EmailTemplateKind.Cancellation,
            OrderEmails.CancellationValues(view, OrderUrl(view.Order), EventUrl(view), ticketsCancelled, refundMinor, reason), ct);
        return OrderEmails.Cancelled(email, view);
    }

    /// <summary>Where a buyer signs in by email link (a guest's first link creates the account).</summary>
    public string SignInUrl => site.Value.Url("/Account/MagicLink");

    public string OrderUrl(Order order) => site.Value.Url($"/order/{order.AccessKey}");

    public string EventUrl(OrderView view) => site.Value.Url($"/e/{view.Event.Slug}");
}
