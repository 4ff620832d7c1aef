using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;

namespace EventPlatform.Bench;

/// <summary>The hot on-sale's event: 3 sessions, 5 ticket types (two span sessions), about 2,000 tickets.</summary>
internal sealed record OnSaleEvent(Guid EventId, IReadOnlyList<Guid> SessionIds, IReadOnlyList<(Guid Id, Guid[] Sessions, int? Cap)> Types)
{
    public const int SessionCapacity = 700;

    public static async Task<OnSaleEvent> SeedAsync(IAppDbContextFactory dbFactory, string slug)
    {
        await using var db = await dbFactory.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = "Bench " + slug, Slug = slug, CreatedAt = now };
        db.Organizations.Add(organization);
        var ev = new Event
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, Title = "Hot on-sale " + slug, Slug = slug, TimeZone = "Europe/Berlin",
            VenueName = "Arena", Status = EventStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now, NextSessionNumber = 4,
        };
        db.Events.Add(ev);
        var sessions = Enumerable.Range(1, 3).Select(n => new Session
        {
            Id = Guid.CreateVersion7(), EventId = ev.Id, Code = Session.CodeFor(n), Name = $"Night {n}",
            StartsAt = now.AddDays(30 + n), EndsAt = now.AddDays(30 + n).AddHours(3), Capacity = SessionCapacity,
        }).ToList();
        db.Sessions.AddRange(sessions);
        var shapes = new (string Name, int[] Sessions, int? Cap)[]
        {
            ("Festival pass", [0, 1, 2], 300),
            ("Weekend", [1, 2], null),
            ("Night 1", [0], null),
            ("Night 2", [1], null),
            ("Night 3", [2], null),
        };
        var types = new List<(Guid, Guid[], int?)>();
        foreach (var (name, included, cap) in shapes)
        {
            var type = new TicketType
            {
                Id = Guid.CreateVersion7(), EventId = ev.Id, Name = name, PriceMinor = 4900, Currency = "EUR", QuantityCap = cap, MaxPerOrder = 10,
                SalesEndAt = now.AddDays(30), Sessions = included.Select(i => new TicketTypeSession { SessionId = sessions[i].Id }).ToList(),
            };
            db.TicketTypes.Add(type);
            types.Add((type.Id, included.Select(i => sessions[i].Id).ToArray(), cap));
        }

        await db.SaveChangesAsync();
        return new OnSaleEvent(ev.Id, sessions.Select(s => s.Id).ToList(), types);
    }
}
