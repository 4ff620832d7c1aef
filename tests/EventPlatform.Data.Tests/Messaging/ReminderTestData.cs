using EventPlatform.Core.Common;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Ordering;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Messaging;

/// <summary>One ticket to seed: its type, attendee (no email: reached through the buyer) and state.</summary>
internal sealed record SeedTicket(string Type, string? AttendeeName, string? AttendeeEmail, TicketStatus Status = TicketStatus.Valid);

/// <summary>Orders and rules written straight to the database, for tests whose subject is who gets reminded.</summary>
internal static class ReminderTestData
{
    public static async Task<Order> AddOrderAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, string buyerEmail, string buyerName,
        DateTimeOffset? paidAt, OrderStatus status, params SeedTicket[] tickets)
    {
        await using var db = await dbFactory.CreateAsync();
        var created = paidAt ?? OrderingTestData.FirstSessionStart.AddMonths(-2);
        var order = new Order
        {
            Id = Guid.CreateVersion7(), Number = TicketCodes.NewOrderNumber(), AccessKey = TicketCodes.NewAccessKey(), EventId = sale.EventId,
            OrganizationId = sale.OrganizationId, Status = status, Currency = "EUR", PaymentProvider = "test", HoldExpiresAt = created,
            CreatedAt = created, PaidAt = paidAt, BuyerName = buyerName,
        };
        order.SetBuyerEmail(buyerEmail);
        var position = 1;
        foreach (var seed in tickets)
        {
            order.Tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, EventId = sale.EventId, TicketTypeId = sale.TypeIds[seed.Type],
                TicketTypeName = seed.Type, Code = TicketCodes.NewTicketCode(), Status = seed.Status, UnitPriceMinor = 500, Position = position++,
                AttendeeName = seed.AttendeeName, AttendeeEmail = seed.AttendeeEmail,
            });
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task<ReminderRule> AddRuleAsync(this IAppDbContextFactory dbFactory, Guid eventId, ReminderScope scope, ReminderAnchor anchor,
        int offsetMinutes, Guid? sessionId = null, bool enabled = true)
    {
        await using var db = await dbFactory.CreateAsync();
        var rule = new ReminderRule
        {
            Id = Guid.CreateVersion7(), EventId = eventId, Scope = scope, SessionId = sessionId, Anchor = anchor, OffsetMinutes = offsetMinutes,
            Enabled = enabled, CreatedAt = OrderingTestData.FirstSessionStart.AddMonths(-3),
        };
        db.ReminderRules.Add(rule);
        await db.SaveChangesAsync();
        return rule;
    }
}
