using EventPlatform.Core.Catalog;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Data;

namespace EventPlatform.Web.Demo;

/// <summary>
/// Demo events for the two demo organizations, dated from the first run onwards: a three-session
/// series, a sold-out concert, one whose sales have not started, a free one, a members-only one,
/// an unlisted one, one in another time zone and a cancelled one. The sold counts set here are
/// backed by real paid orders (<see cref="DemoOrders"/>), so counters equal tickets.
/// </summary>
internal static class DemoCatalog
{
    private static readonly Dictionary<EventCategory, (string From, string To)> CoverColours = new()
    {
        [EventCategory.Class] = ("#0F766E", "#14B8A6"),
        [EventCategory.Workshop] = ("#9A3412", "#F97316"),
        [EventCategory.Social] = ("#9D174D", "#EC4899"),
        [EventCategory.Conference] = ("#1E3A8A", "#3B82F6"),
        [EventCategory.Concert] = ("#4C1D95", "#8B5CF6"),
        [EventCategory.Sports] = ("#166534", "#22C55E"),
        [EventCategory.Other] = ("#334155", "#64748B"),
    };

    /// <summary>Draws a cover for every demo event and stores it.</summary>
    public static async Task AddCoversAsync(EventPlatformDbContext db, Core.Storage.IFileStorage storage, CancellationToken ct)
    {
        var seed = 1;
        foreach (var e in db.ChangeTracker.Entries<Event>().Select(x => x.Entity).ToList())
        {
            var (from, to) = CoverColours[e.Category];
            var path = $"events/{e.Id:N}/cover-demo.png";
            using var image = new MemoryStream(DemoCoverImages.Create(from, to, seed++));
            await storage.SaveAsync(path, image, ct);
            e.CoverImagePath = path;
        }
    }

    public static void Add(EventPlatformDbContext db, Guid riverside, Guid northwind, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        var series = Event(riverside, "Wheel Throwing Series", "wheel-throwing-series", EventCategory.Workshop, "Europe/Berlin",
            "Three mornings at the wheel, a week apart: centre, throw and trim your first bowls.",
            "## What you will learn\n\n- **Day 1**: wedging and centring\n- **Day 2**: throwing cylinders and bowls\n- **Day 3**: trimming and " +
                "glazing\n\nAll clay and firing included. Wear clothes that can get muddy.",
            ["pottery", "ceramics", "beginners"], "Riverside Studio", "Uferstraße 12, 10999 Berlin", now);
        var s1 = Session(series, 1, "Day 1 — Centring", day.AddDays(14).AddHours(8), 12, sold: 9);
        var s2 = Session(series, 2, "Day 2 — Throwing", day.AddDays(21).AddHours(8), 12, sold: 12);
        var s3 = Session(series, 3, "Day 3 — Trimming", day.AddDays(28).AddHours(8), 12, sold: 9);
        Ticket(series, "Full series", 18000, [s1, s2, s3], sold: 9, member: 15000, sort: 0);
        Ticket(series, "Day 1 only", 7000, [s1], sold: 0, sort: 1);
        Ticket(series, "Day 2 only", 7000, [s2], sold: 3, sort: 2);

        var jazz = Event(riverside, "Jazz on the River", "jazz-on-the-river", EventCategory.Concert, "Europe/Berlin",
            "A summer evening of trio jazz on the studio terrace.", "Bring a blanket; drinks from the studio bar.",
            ["jazz", "music", "outdoor"], "Riverside Terrace", "Uferstraße 12, 10999 Berlin", now);
        var jazzNight = Session(jazz, 1, "Concert", day.AddDays(10).AddHours(18), 80, sold: 80);
        Ticket(jazz, "Standing", 2500, [jazzNight], sold: 80);

        var fair = Event(riverside, "Summer Print Fair", "summer-print-fair", EventCategory.Social, "Europe/Berlin",
            "Forty printmakers, one courtyard. Tickets go on sale next month.", null,
            ["print", "art", "market"], "Riverside Courtyard", "Uferstraße 12, 10999 Berlin", now);
        var fairDay = Session(fair, 1, "Fair day", day.AddDays(60).AddHours(9), 400);
        Ticket(fair, "Entry", 500, [fairDay], salesStart: day.AddDays(30));

        var sketch = Event(riverside, "Sunday Sketch Club", "sunday-sketch-club", EventCategory.Class, "Europe/Berlin",
            "Free life-drawing practice. Paper provided, bring pencils.", null,
            ["drawing", "free"], "Riverside Studio", "Uferstraße 12, 10999 Berlin", now);
        var sketchDay = Session(sketch, 1, "Morning session", day.AddDays(5).AddHours(8), 25, sold: 8);
        Ticket(sketch, "Free place", 0, [sketchDay], sold: 8);

        var preview = Event(riverside, "Members' Preview Night", "members-preview-night", EventCategory.Social, "Europe/Berlin",
            "A first look at the autumn exhibition, for studio members.", null,
            ["members", "exhibition"], "Riverside Gallery", "Uferstraße 12, 10999 Berlin", now, EventVisibility.MembersOnly);
        var previewNight = Session(preview, 1, "Preview", day.AddDays(18).AddHours(17), 60);
        Ticket(preview, "Guest", 1000, [previewNight], member: 0);

        var openDay = Event(riverside, "Studio Open Day", "studio-open-day", EventCategory.Other, "Europe/Berlin",
            "Behind the scenes of the studio — by invitation link.", null,
            ["studio"], "Riverside Studio", "Uferstraße 12, 10999 Berlin", now, EventVisibility.Unlisted);
        var openDaySession = Session(openDay, 1, "Open day", day.AddDays(35).AddHours(10), 100);
        Ticket(openDay, "Visitor", 0, [openDaySession]);

        var glaze = Event(riverside, "Glaze Chemistry Evening", "glaze-chemistry-evening", EventCategory.Workshop, "Europe/Berlin",
            "Mixing your own glazes — cancelled, sorry.", null, ["ceramics"], "Riverside Studio", "Uferstraße 12, 10999 Berlin", now);
        var glazeNight = Session(glaze, 1, "Evening", day.AddDays(12).AddHours(17), 10);
        Ticket(glaze, "Place", 4000, [glazeNight]);
        glaze.Status = EventStatus.Cancelled;
        glaze.CancelledAt = now;

        var conference = Event(northwind, "Northwind Dev Conference 2026", "northwind-dev-conference-2026", EventCategory.Conference,
            "America/New_York",
            "Two days of talks on .NET, PostgreSQL and the web, in New York.",
            "Keynotes, 24 talks and a hallway track worth the trip.\n\n*Early-bird prices until three weeks before.*",
            ["dotnet", "postgresql", "web"], "Hudson Hall", "500 W 33rd St, New York, NY", now);
        var c1 = Session(conference, 1, "Day 1", day.AddDays(45).AddHours(13), 300, sold: 120);
        var c2 = Session(conference, 2, "Day 2", day.AddDays(46).AddHours(13), 300, sold: 100);
        var pass = Ticket(conference, "Conference pass (2 days)", 24900, [c1, c2], sold: 90, currency: "USD");
        pass.EarlyBirdPriceMinor = 19900; // two days for less than one and a half: what early birds are for
        pass.EarlyBirdUntil = day.AddDays(24);
        Ticket(conference, "Day 1 only", 14900, [c1], sold: 30, currency: "USD", sort: 1);
        Ticket(conference, "Day 2 only", 14900, [c2], sold: 10, currency: "USD", sort: 2);

        var meetup = Event(northwind, "Rust & Coffee Meetup", "rust-and-coffee-meetup", EventCategory.Class, "America/New_York",
            "An informal morning of Rust, coffee and lightning talks.", null,
            ["rust", "meetup", "free"], "Northwind Lab", "12 Jay St, Brooklyn, NY", now);
        var meetupSession = Session(meetup, 1, "Meetup", day.AddDays(8).AddHours(14), 40, sold: 33);
        Ticket(meetup, "RSVP", 0, [meetupSession], sold: 33, currency: "USD");

        db.Events.AddRange(series, jazz, fair, sketch, preview, openDay, glaze, conference, meetup);
        // Every event starts with the default reminder, as one created in the editor does.
        db.ReminderRules.AddRange(new[] { series, jazz, fair, sketch, preview, openDay, glaze, conference, meetup }
            .Select(e => ReminderRule.Default(e.Id, now)));
    }

    private static Event Event(Guid organizationId, string title, string slug, EventCategory category, string timeZone, string shortDescription,
        string? description,
        List<string> tags, string venue, string address, DateTimeOffset now, EventVisibility visibility = EventVisibility.Public) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizationId = organizationId,
        Title = title,
        Slug = slug,
        Category = category,
        TimeZone = timeZone,
        ShortDescription = shortDescription,
        Description = description,
        Tags = tags,
        VenueName = venue,
        VenueAddress = address,
        Visibility = visibility,
        RefundableUntilHoursBefore = 48,
        Status = EventStatus.Published,
        PublishedAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static Session Session(Event owner, int number, string name, DateTimeOffset startsAt, int capacity, int sold = 0)
    {
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            EventId = owner.Id,
            Code = Core.Catalog.Session.CodeFor(number),
            Name = name,
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(3),
            Capacity = capacity,
            Taken = sold,
        };
        owner.Sessions.Add(session);
        owner.NextSessionNumber = Math.Max(owner.NextSessionNumber, number + 1);
        return session;
    }

    private static TicketType Ticket(Event owner, string name, long price, Session[] sessions, int sold = 0, long? member = null, int sort = 0,
        string currency = "EUR", DateTimeOffset? salesStart = null)
    {
        var type = new TicketType
        {
            Id = Guid.CreateVersion7(),
            EventId = owner.Id,
            Name = name,
            PriceMinor = price,
            MemberPriceMinor = member,
            Currency = currency,
            MaxPerOrder = 10,
            SalesStartAt = salesStart,
            SalesEndAt = sessions.Min(s => s.StartsAt),
            SortOrder = sort,
            Taken = sold,
        };
        type.Sessions.AddRange(sessions.Select(s => new TicketTypeSession { TicketTypeId = type.Id, SessionId = s.Id }));
        owner.TicketTypes.Add(type);
        return type;
    }
}
