using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Reporting;

/// <summary>
/// Orders written straight to the database with known amounts and times, so every dashboard
/// figure can be computed by hand (the sums are worked out in <see cref="DashboardFiguresTests"/>).
/// </summary>
internal static class FiguresFixture
{
    public static async Task<Order> AddOrderAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, OrderStatus status, string currency,
        DateTimeOffset at, bool feePassed, long fee, long discount, params (string Type, long Price, TicketStatus Status)[] tickets)
    {
        await using var db = await dbFactory.CreateAsync();
        var subtotal = tickets.Sum(t => t.Price);
        var total = subtotal - discount + (feePassed ? fee : 0);
        var paid = status is OrderStatus.Paid or OrderStatus.Cancelled;
        var order = new Order
        {
            Id = Guid.CreateVersion7(), Number = TicketCodes.NewOrderNumber(), AccessKey = TicketCodes.NewAccessKey(), EventId = sale.EventId,
            OrganizationId = sale.OrganizationId, Status = status, Currency = currency, SubtotalMinor = subtotal, DiscountMinor = discount,
            FeeMinor = fee, FeePassedToBuyer = feePassed, TotalMinor = total, PaidMinor = paid || status == OrderStatus.Expired ? total : 0,
            RefundedLatePayment = status == OrderStatus.Expired, PaymentProvider = "test",
            HoldExpiresAt = status == OrderStatus.Pending ? at.AddMinutes(15) : at, CreatedAt = at.AddMinutes(-5),
            PaidAt = paid ? at : null, BuyerEmail = "buyer@figures.test",
        };
        var position = 0;
        foreach (var (type, price, ticketStatus) in tickets)
        {
            order.Tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, EventId = sale.EventId, TicketTypeId = sale.TypeIds[type], TicketTypeName = type,
                Code = TicketCodes.NewTicketCode(), Status = ticketStatus, UnitPriceMinor = price, Position = ++position,
                DiscountMinor = subtotal == 0 ? 0 : discount * price / subtotal,
            });
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task AddRefundAsync(this IAppDbContextFactory dbFactory, Order order, long amount, DateTimeOffset at,
        RefundStatus status = RefundStatus.Succeeded)
    {
        await using var db = await dbFactory.CreateAsync();
        db.OrderRefunds.Add(new OrderRefund
        {
            Id = Guid.CreateVersion7(), OrderId = order.Id, AmountMinor = amount, Currency = order.Currency, Reason = "test", Status = status,
            CreatedAt = at, CompletedAt = at,
        });
        if (status != RefundStatus.Failed)
        {
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedMinor, o => o.RefundedMinor + amount));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Sets the guard counters to what the tickets say (sold or held), as purchases would have left them.</summary>
    public static async Task SetCountersAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, IReadOnlyDictionary<string, int> takenByType)
    {
        await using var db = await dbFactory.CreateAsync();
        foreach (var (type, taken) in takenByType)
        {
            var typeId = sale.TypeIds[type];
            await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, taken));
        }

        foreach (var sessionId in sale.SessionIds)
        {
            var typeIds = await db.TicketTypeSessions.Where(l => l.SessionId == sessionId).Select(l => l.TicketTypeId).ToListAsync();
            var taken = takenByType.Where(t => typeIds.Contains(sale.TypeIds[t.Key])).Sum(t => t.Value);
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, taken));
        }
    }

    public static async Task CheckInAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, Order order, int sessionIndex,
        DateTimeOffset at, bool undone = false)
    {
        await using var db = await dbFactory.CreateAsync();
        db.CheckIns.Add(new CheckInRecord
        {
            Id = Guid.CreateVersion7(), EventId = sale.EventId, TicketId = order.Tickets[0].Id, SessionId = sale.SessionIds[sessionIndex],
            CheckedInAt = at, StationName = "Door", UndoneAt = undone ? at.AddMinutes(1) : null,
        });
        await db.SaveChangesAsync();
    }

    public static async Task MoveEventAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, string timeZone, string currency)
    {
        await using var db = await dbFactory.CreateAsync();
        await db.Events.Where(e => e.Id == sale.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.TimeZone, timeZone));
        await db.TicketTypes.Where(t => t.EventId == sale.EventId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Currency, currency));
    }
}
