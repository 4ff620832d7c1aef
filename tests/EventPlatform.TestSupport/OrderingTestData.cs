using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.TestSupport;

/// <summary>A published event ready to sell, as ordering tests need it.</summary>
public sealed record SellableEvent(Guid EventId, Guid OrganizationId, string Slug, IReadOnlyList<Guid> SessionIds,
    IReadOnlyDictionary<string, Guid> TypeIds);

/// <summary>One ticket type to seed: the sessions it includes are indexes into the event's sessions.</summary>
public sealed record SeedTicketType(string Name, long PriceMinor, int[] Sessions, int? Cap = null,
    TicketVisibility Visibility = TicketVisibility.Public, int MaxPerOrder = 10);

public static class OrderingTestData
{
    /// <summary>Sessions start on 1 March 2027 (after both the tests' fake clock and today), one day apart.</summary>
    public static readonly DateTimeOffset FirstSessionStart = new(2027, 3, 1, 18, 0, 0, TimeSpan.Zero);

    public static async Task<SellableEvent> AddSellableEventAsync(this IAppDbContextFactory dbFactory, Guid organizationId, string slug,
        int[] sessionCapacities, params SeedTicketType[] types)
    {
        await using var db = await dbFactory.CreateAsync();
        var ev = new Event
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            Title = "Sale " + slug,
            Slug = slug,
            TimeZone = "Europe/Berlin",
            VenueName = "Riverside Hall",
            VenueAddress = "1 River Road, Berlin",
            Status = EventStatus.Published,
            PublishedAt = FirstSessionStart.AddMonths(-12),
            RefundableUntilHoursBefore = 48,
            CreatedAt = FirstSessionStart.AddMonths(-12),
            UpdatedAt = FirstSessionStart.AddMonths(-12),
            NextSessionNumber = sessionCapacities.Length + 1,
        };
        db.Events.Add(ev);
        db.EventQuestions.AddRange(EventQuestion.DefaultsFor(ev.Id));
        var sessions = sessionCapacities.Select((capacity, i) => new Session
        {
            Id = Guid.CreateVersion7(),
            EventId = ev.Id,
            Code = Session.CodeFor(i + 1),
            Name = $"Day {i + 1}",
            StartsAt = FirstSessionStart.AddDays(i),
            EndsAt = FirstSessionStart.AddDays(i).AddHours(3),
            Capacity = capacity,
        }).ToList();
        db.Sessions.AddRange(sessions);
        var typeIds = new Dictionary<string, Guid>();
        var order = 0;
        foreach (var seed in types)
        {
            var type = new TicketType
            {
                Id = Guid.CreateVersion7(),
                EventId = ev.Id,
                Name = seed.Name,
                PriceMinor = seed.PriceMinor,
                Currency = "EUR",
                QuantityCap = seed.Cap,
                MaxPerOrder = seed.MaxPerOrder,
                SalesEndAt = FirstSessionStart,
                Visibility = seed.Visibility,
                SortOrder = order++,
                Sessions = seed.Sessions.Select(i => new TicketTypeSession { SessionId = sessions[i].Id }).ToList(),
            };
            db.TicketTypes.Add(type);
            typeIds[seed.Name] = type.Id;
        }

        await db.SaveChangesAsync();
        return new SellableEvent(ev.Id, organizationId, slug, sessions.Select(s => s.Id).ToList(), typeIds);
    }

    /// <summary>
    /// Paid tickets written straight to the database, in one order, with the counters a purchase
    /// leaves (the type's and its sessions' <c>Taken</c>): for tests whose subject is not the purchase
    /// path. Returns the ticket codes.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddPaidTicketsAsync(this IAppDbContextFactory dbFactory, SellableEvent sale, string typeName,
        int count, DateTimeOffset paidAt)
    {
        var typeId = sale.TypeIds[typeName];
        await using var db = await dbFactory.CreateAsync();
        var order = new Order
        {
            Id = Guid.CreateVersion7(), Number = TicketCodes.NewOrderNumber(), AccessKey = TicketCodes.NewAccessKey(), EventId = sale.EventId,
            OrganizationId = sale.OrganizationId, Status = OrderStatus.Paid, Currency = "EUR", SubtotalMinor = 500L * count,
            TotalMinor = 500L * count, PaidMinor = 500L * count, PaymentProvider = "test", HoldExpiresAt = paidAt, CreatedAt = paidAt,
        };
        for (var i = 0; i < count; i++)
        {
            order.Tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, EventId = sale.EventId, TicketTypeId = typeId, TicketTypeName = typeName,
                Code = TicketCodes.NewTicketCode(), Status = TicketStatus.Valid, UnitPriceMinor = 500, Position = i + 1,
            });
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync();
        var sessionIds = db.TicketTypeSessions.Where(l => l.TicketTypeId == typeId).Select(l => l.SessionId);
        await db.Sessions.Where(s => sessionIds.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + count));
        await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + count));
        return order.Tickets.Select(t => t.Code).ToList();
    }
}
