using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <param name="Search">Order number, buyer name or email, or attendee name or email (contains, any case).</param>
public sealed record OrderQuery(string? Search = null, OrderStatus? Status = null, int Page = 1, int PageSize = 25);

public sealed record OrderRow(Guid Id, string Number, string? BuyerName, string? BuyerEmail, OrderStatus Status, int Tickets, Money Total,
    Money Refunded, DateTimeOffset CreatedAt, bool PaidOffline);

public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An event's orders for its organizers: search, filter, page, detail, and marking an offline payment.</summary>
public sealed class EventOrders(IAppDbContextFactory dbFactory, EventDefinitions definitions, CatalogAccess catalogAccess,
    OrderConfirmation confirmation, TimeProvider clock, AppMetrics metrics)
{
    public async Task<OrderPage> ListAsync(Guid eventId, OrderQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var orders = db.Orders.AsNoTracking().Where(o => o.EventId == eventId);
        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            orders = orders.Where(o => EF.Functions.Like(o.Number.ToLower(), pattern, "\\")
                || (o.BuyerEmail != null && EF.Functions.Like(o.BuyerEmail.ToLower(), pattern, "\\"))
                || (o.BuyerName != null && EF.Functions.Like(o.BuyerName.ToLower(), pattern, "\\"))
                || o.Tickets.Any(t => (t.AttendeeName != null && EF.Functions.Like(t.AttendeeName.ToLower(), pattern, "\\"))
                    || (t.AttendeeEmail != null && EF.Functions.Like(t.AttendeeEmail.ToLower(), pattern, "\\"))));
        }

        var pageSize = Math.Clamp(query.PageSize, 5, 100);
        var total = await orders.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await orders.OrderByDescending(o => o.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new
            {
                o.Id, o.Number, o.BuyerName, o.BuyerEmail, o.Status, o.TotalMinor, o.RefundedMinor, o.Currency, o.CreatedAt, o.PaidOffline,
                Tickets = o.Tickets.Count(t => t.Status == TicketStatus.Valid || t.Status == TicketStatus.Reserved),
            })
            .ToListAsync(ct);
        return new OrderPage(
            rows.Select(r =>
                new OrderRow(r.Id, r.Number, r.BuyerName, r.BuyerEmail, r.Status, r.Tickets, new Money(r.TotalMinor, r.Currency),
                    new Money(r.RefundedMinor, r.Currency), r.CreatedAt, r.PaidOffline)).ToList(),
            total, page, pageSize);
    }

    public async Task<OrderView> DetailAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Analyst, ct);
        return await OrderViews.LoadAsync(db, definitions, orderId, clock.GetUtcNow(), ct) ?? throw new NotFoundException();
    }

    /// <summary>A pending order paid in cash or by invoice: confirmed by the organizer while its hold lasts.</summary>
    public async Task<CommandResult<bool>> MarkPaidOfflineAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Manager, ct);
        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
        var now = clock.GetUtcNow();
        if (order.Status != OrderStatus.Pending || now >= order.HoldExpiresAt)
        {
            return CommandResult<bool>.Failure(new ValidationFailure("Order",
                order.Status == OrderStatus.Pending ? UserMessages.HoldExpired : UserMessages.OrderNotPending));
        }

        order.PaidOffline = true;
        order.PaymentProvider = "offline";
        // A card payment started earlier no longer belongs to this order: if it still succeeds, it is refunded.
        order.PaymentIntentId = null;
        var outcome = await confirmation.ConfirmLockedAsync(db, order, order.TotalMinor, now, grant.UserId, "offline payment", ct);
        if (outcome != ConfirmOutcome.Confirmed)
        {
            return CommandResult<bool>.Failure(new ValidationFailure("Order", UserMessages.OrderNotPending));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.Purchase("offline");
        return CommandResult<bool>.Success(true);
    }
}
