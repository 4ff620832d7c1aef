using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>The buyer's steps (<see cref="Purchase"/>) on <see cref="CoreServices"/>, and what the tests check after them.</summary>
internal static class Buying
{
    public static Task<CommandResult<HoldPlaced>> HoldAsync(this CoreServices services, Guid eventId, params (Guid TypeId, int Quantity)[] wanted) =>
        Purchase.HoldAsync(services.Provider, eventId, wanted.ToDictionary(w => w.TypeId, w => w.Quantity));

    public static Task<HoldPlaced> HeldAsync(this CoreServices services, Guid eventId, params (Guid TypeId, int Quantity)[] wanted) =>
        Purchase.HeldAsync(services.Provider, eventId, wanted.ToDictionary(w => w.TypeId, w => w.Quantity));

    public static Task FillDetailsAsync(this CoreServices services, string key, string email = "buyer@example.test") =>
        Purchase.SaveDetailsAsync(services.Provider, key, CheckoutBuyer.Default with { Email = email });

    /// <summary>Details, a payment intent, and the card: the whole of checkout after the hold.</summary>
    public static Task<CommandResult<OrderStatus>> PayAsync(this CoreServices services, string key, string card = SimulatedCards.Success) =>
        Purchase.PayAsync(services.Provider, key, card);

    /// <summary>Only the card, once details and the payment intent are done.</summary>
    public static Task<CommandResult<OrderStatus>> PayByCardAsync(this CoreServices services, string key, string card = SimulatedCards.Success) =>
        Purchase.PayByCardAsync(services.Provider, key, card);

    public static async Task<Order> OrderAsync(this CoreServices services, string key)
    {
        await using var db = await services.Db.CreateAsync();
        return await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleAsync(o => o.AccessKey == key);
    }

    /// <summary>Counters equal tickets: taken = valid tickets + reserved tickets of pending orders, per session and type; nothing over
    /// capacity or cap.</summary>
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
            Assert.Equal(Taken(mine), type.Taken);
            Assert.True(type.QuantityCap is null || type.Taken <= type.QuantityCap, $"{type.Name} is over its cap");
        }

        foreach (var session in sessions)
        {
            var including = types.Where(t => t.Sessions.Any(s => s.SessionId == session.Id)).Select(t => t.Id).ToHashSet();
            var mine = tickets.Where(t => including.Contains(t.TicketTypeId)).ToList();
            Assert.Equal(Taken(mine), session.Taken);
            Assert.True(session.Taken <= session.Capacity, $"{session.Code} is oversold");
        }

        static int Taken(IEnumerable<dynamic> tickets) => tickets.Count(t =>
            t.Status == TicketStatus.Valid || (t.Status == TicketStatus.Reserved && t.OrderStatus == OrderStatus.Pending));
    }
}
