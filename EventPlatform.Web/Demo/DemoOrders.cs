using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
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
                    var at = SoldAt(buyer, now);
                    db.Orders.Add(PaidOrder(ev, type, quantity, Buyers[buyer % Buyers.Length], fee, at));
                    left -= quantity;
                    buyer++;
                    if (buyer % 9 == 0)
                    {
                        // Now and then someone cancels and is refunded: the dashboards' refunds have something to show. These
                        // places went back on sale, so they are not among the counters' taken places.
                        db.Orders.Add(CancelledOrder(db, PaidOrder(ev, type, 1, Buyers[(buyer + 3) % Buyers.Length], fee, at.AddHours(-5)),
                            at.AddDays(2) < now ? at.AddDays(2) : now));
                    }
                }
            }
        }
    }

    /// <summary>
    /// When the demo's <paramref name="n"/>th order was paid: spread over the last six weeks, more of them lately (as sales pick up
    /// towards an event), at varying hours; never in the future. Deterministic, so every demo looks the same.
    /// </summary>
    private static DateTimeOffset SoldAt(int n, DateTimeOffset now)
    {
        var spread = (n * 7919 % 1000) / 1000.0;
        var daysAgo = (int)(42 * spread * spread);
        return now.AddDays(-daysAgo).AddHours(-(n * 37 % 11)).AddMinutes(-(n * 13 % 60));
    }

    /// <summary>A paid order whose tickets were cancelled and refunded (offline, like every demo payment) <paramref name="at"/>.</summary>
    private static Order CancelledOrder(EventPlatformDbContext db, Order paid, DateTimeOffset at)
    {
        paid.CancelTickets(paid.Tickets, at);
        paid.RefundedMinor = paid.PaidMinor;
        if (paid.PaidMinor > 0)
        {
            db.OrderRefunds.Add(new OrderRefund
            {
                Id = Guid.CreateVersion7(), OrderId = paid.Id, AmountMinor = paid.PaidMinor, Currency = paid.Currency,
                Reason = "Cancelled by the buyer", Status = RefundStatus.Succeeded, CreatedAt = at, CompletedAt = at,
            });
        }

        return paid;
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
