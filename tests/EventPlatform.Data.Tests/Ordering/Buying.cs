using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>The buyer's steps through the real use cases, as the pages call them.</summary>
internal static class Buying
{
    public static async Task<CommandResult<HoldPlaced>> HoldAsync(this CoreServices services, Guid eventId, params (Guid TypeId, int Quantity)[] wanted) =>
        await services.Get<PlaceHold>().ExecuteAsync(new HoldRequest(eventId, wanted.ToDictionary(w => w.TypeId, w => w.Quantity)));

    public static async Task<HoldPlaced> HeldAsync(this CoreServices services, Guid eventId, params (Guid TypeId, int Quantity)[] wanted)
    {
        var result = await services.HoldAsync(eventId, wanted);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    public static async Task FillDetailsAsync(this CoreServices services, string key, string email = "buyer@example.test")
    {
        var view = await services.Get<GetOrder>().ByKeyAsync(key);
        var details = new CheckoutDetails(email, "Bea Buyer", view.Tickets.Select(t => new AttendeeDetails(t.Id, $"Attendee {t.Position}", null, new Dictionary<string, string?>())).ToList());
        var saved = await services.Get<SaveCheckoutDetails>().ExecuteAsync(key, details);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    /// <summary>Details, a payment intent, and the card: the whole of checkout after the hold.</summary>
    public static async Task<CommandResult<OrderStatus>> PayAsync(this CoreServices services, string key, string card = SimulatedCards.Success)
    {
        await services.FillDetailsAsync(key);
        var start = await services.Get<StartPayment>().ExecuteAsync(key);
        Assert.True(start.Succeeded, string.Join("; ", start.Errors.Select(e => e.Message)));
        return await services.Get<SimulatedCheckout>().PayAsync(key, new SimulatedCard(card, "12/30", "123"), CancellationToken.None);
    }

    public static async Task<Order> OrderAsync(this CoreServices services, string key)
    {
        await using var db = await services.Db.CreateAsync();
        return await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleAsync(o => o.AccessKey == key);
    }

    /// <summary>Counters equal tickets: sold = valid tickets, held = reserved tickets of pending orders, per session and type; nothing over capacity or cap.</summary>
    public static async Task AssertCountersMatchTicketsAsync(this CoreServices services, Guid eventId)
    {
        await using var db = await services.Db.CreateAsync();
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).Where(t => t.EventId == eventId).ToListAsync();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).ToListAsync();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.EventId == eventId)
            .Join(db.Orders, t => t.OrderId, o => o.Id, (t, o) => new { t.TicketTypeId, t.Status, OrderStatus = o.Status }).ToListAsync();
        foreach (var type in types)
        {
            var mine = tickets.Where(t => t.TicketTypeId == type.Id).ToList();
            Assert.Equal(mine.Count(t => t.Status == TicketStatus.Valid), type.Sold);
            Assert.Equal(mine.Count(t => t.Status == TicketStatus.Reserved && t.OrderStatus == OrderStatus.Pending), type.Held);
            Assert.True(type.QuantityCap is null || type.Sold + type.Held <= type.QuantityCap, $"{type.Name} is over its cap");
        }

        foreach (var session in sessions)
        {
            var including = types.Where(t => t.Sessions.Any(s => s.SessionId == session.Id)).Select(t => t.Id).ToHashSet();
            var mine = tickets.Where(t => including.Contains(t.TicketTypeId)).ToList();
            Assert.Equal(mine.Count(t => t.Status == TicketStatus.Valid), session.Sold);
            Assert.Equal(mine.Count(t => t.Status == TicketStatus.Reserved && t.OrderStatus == OrderStatus.Pending), session.Held);
            Assert.True(session.Sold + session.Held <= session.Capacity, $"{session.Code} is oversold");
        }
    }
}
