using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Settings;
using EventPlatform.Data;

namespace EventPlatform.Web.Demo;

/// <summary>
/// Backs the demo catalog's sold counts with real paid orders and tickets (marked as paid
/// offline, so refunding them never calls a gateway), so counters always equal the tickets in
/// the database. Alice, a demo attendee, owns some of them and sees them in My tickets.
/// </summary>
internal static class DemoOrders
{
    private static readonly (string Name, string Email)[] Buyers =
    [
        ("Alice Demo", "alice@demo.eventplatform.test"),
        ("Jonas Weber", "jonas.weber@example.test"),
        ("Mia Schulz", "mia.schulz@example.test"),
        ("Priya Nair", "priya.nair@example.test"),
        ("Tom Becker", "tom.becker@example.test"),
        ("Lea Fischer", "lea.fischer@example.test"),
        ("Sam Ortiz", "sam.ortiz@example.test"),
        ("Noah Kim", "noah.kim@example.test"),
    ];

    public static void Add(EventPlatformDbContext db, DateTimeOffset now)
    {
        var fee = new FeeRule(PlatformSettings.Defaults.PlatformFeePercent, PlatformSettings.Defaults.PlatformFeeFixedMinor, PassedToBuyer: true);
        var buyer = 0;
        foreach (var ev in db.ChangeTracker.Entries<Event>().Select(e => e.Entity).ToList())
        {
            db.EventQuestions.AddRange(EventQuestion.DefaultsFor(ev.Id));
            foreach (var type in ev.TicketTypes.Where(t => t.Taken > 0))
            {
                var left = type.Taken; // Demo types are seeded with paid tickets only, nothing held.
                while (left > 0)
                {
                    // Orders of 1 to 4 tickets, as people buy for themselves and friends.
                    var quantity = Math.Min(left, 1 + (buyer % 4));
                    db.Orders.Add(PaidOrder(ev, type, quantity, Buyers[buyer % Buyers.Length], fee, now.AddMinutes(-buyer)));
                    left -= quantity;
                    buyer++;
                }
            }
        }
    }

    private static Order PaidOrder(Event ev, TicketType type, int quantity, (string Name, string Email) who, FeeRule fee, DateTimeOffset at)
    {
        var price = OrderPricing.Compute(Enumerable.Repeat(new PricedTicketInput(type.Id, type.PriceMinor), quantity).ToList(), null, fee);
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            Number = TicketCodes.NewOrderNumber(),
            AccessKey = TicketCodes.NewAccessKey(),
            EventId = ev.Id,
            OrganizationId = ev.OrganizationId,
            BuyerName = who.Name,
            Status = OrderStatus.Paid,
            Currency = type.Currency,
            SubtotalMinor = price.SubtotalMinor,
            FeeMinor = price.FeeMinor,
            FeePassedToBuyer = true,
            TotalMinor = price.TotalMinor,
            PaidMinor = price.TotalMinor,
            // Seeded, not charged: refunds of paid ones are settled "offline" and never reach a gateway.
            PaymentProvider = price.TotalMinor == 0 ? "free" : "demo",
            PaidOffline = price.TotalMinor > 0,
            DetailsCompleted = true,
            HoldExpiresAt = at,
            CreatedAt = at,
            PaidAt = at,
        };
        order.SetBuyerEmail(who.Email);
        for (var i = 0; i < quantity; i++)
        {
            order.Tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(),
                OrderId = order.Id,
                EventId = ev.Id,
                TicketTypeId = type.Id,
                TicketTypeName = type.Name,
                Code = TicketCodes.NewTicketCode(),
                Status = TicketStatus.Valid,
                AttendeeName = i == 0 ? who.Name : $"Guest {i} of {who.Name}",
                UnitPriceMinor = type.PriceMinor,
                FeeMinor = price.TicketFees[i],
                Position = i + 1,
            });
        }

        return order;
    }
}
