using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Ordering.Exports;

/// <summary>Orders written straight to the database with the fields an export reads (answers, check-ins), for the export tests.</summary>
internal static class ExportSeed
{
    public static async Task<EventQuestion> AddQuestionAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, string label)
    {
        await using var db = await dbFactory.CreateAsync();
        var question = new EventQuestion { Id = Guid.CreateVersion7(), EventId = sale.EventId, Label = label, SortOrder = 10 };
        db.EventQuestions.Add(question);
        await db.SaveChangesAsync();
        return question;
    }

    /// <summary>One order of the given tickets (type name, attendee name, answers), paid unless <paramref name="status"/> says otherwise.</summary>
    public static async Task<Order> AddOrderAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, DateTimeOffset at,
        OrderStatus status, params (string Type, string Attendee, Dictionary<string, string> Answers)[] tickets)
    {
        await using var db = await dbFactory.CreateAsync();
        var paid = status is OrderStatus.Paid or OrderStatus.Cancelled;
        var order = new Order
        {
            Id = Guid.CreateVersion7(), Number = TicketCodes.NewOrderNumber(), AccessKey = TicketCodes.NewAccessKey(), EventId = sale.EventId,
            OrganizationId = sale.OrganizationId, Status = status, Currency = "EUR", SubtotalMinor = 5000L * tickets.Length,
            FeeMinor = 400L * tickets.Length, FeePassedToBuyer = true, TotalMinor = 5400L * tickets.Length,
            PaidMinor = paid ? 5400L * tickets.Length : 0, PaymentProvider = "test", HoldExpiresAt = at.AddMinutes(10), CreatedAt = at.AddMinutes(-5),
            PaidAt = paid ? at : null, BuyerName = "Bea Buyer", BuyerEmail = "bea@example.test",
        };
        var position = 0;
        foreach (var (type, attendee, answers) in tickets)
        {
            order.Tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, EventId = sale.EventId, TicketTypeId = sale.TypeIds[type], TicketTypeName = type,
                Code = TicketCodes.NewTicketCode(), Status = paid ? TicketStatus.Valid : TicketStatus.Void, UnitPriceMinor = 5000, FeeMinor = 400,
                Position = ++position, AttendeeName = attendee, AttendeeEmail = attendee.Split(' ')[0].ToLowerInvariant() + "@example.test",
                Answers = answers,
            });
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task AddCheckInAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, Guid ticketId, Guid sessionId,
        DateTimeOffset at, bool undone = false)
    {
        await using var db = await dbFactory.CreateAsync();
        db.CheckIns.Add(new CheckInRecord
        {
            Id = Guid.CreateVersion7(), EventId = sale.EventId, TicketId = ticketId, SessionId = sessionId, CheckedInAt = at,
            StationName = "Main entrance", UndoneAt = undone ? at.AddMinutes(1) : null,
        });
        await db.SaveChangesAsync();
    }
}
