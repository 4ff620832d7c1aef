using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Catalog;

/// <summary>The public catalog over one shared set of events (built once, read by every test).</summary>
public sealed class PublicCatalogTests : IClassFixture<PublicCatalogTests.Catalog>
{
    private readonly Catalog _catalog;

    public PublicCatalogTests(Catalog catalog) => _catalog = catalog;

    private CoreServices Services => _catalog.Services;

    /// <summary>Every page of results (the page size is 2 here, to exercise paging).</summary>
    private async Task<List<EventCard>> AllCardsAsync(CatalogQuery query)
    {
        Services.Caller.UserId = null;
        var cards = new List<EventCard>();
        for (var page = 1; ; page++)
        {
            var results = await Services.Get<BrowseCatalog>().SearchAsync(query with { Page = page });
            cards.AddRange(results.Events);
            if (page >= results.PageCount)
            {
                return cards;
            }
        }
    }

    private async Task<IReadOnlyList<string>> TitlesAsync(CatalogQuery query) =>
        (await AllCardsAsync(query)).Select(e => e.Title).ToList();

    [Fact]
    public async Task Listing_ShowsOnlyPublishedPublicUpcomingEvents_SoonestFirst() =>
        Assert.Equal(["Jazz Night", "Clay Series", "Free Yoga", "Sold Out Gala", "Code Camp"], await TitlesAsync(new CatalogQuery()));

    [Theory]
    [InlineData("jazz", "Jazz Night")]
    [InlineData("saxophone", "Jazz Night")]        // description
    [InlineData("ceramics", "Clay Series")]        // tag
    [InlineData("\"Riverside Studio\"", "Clay Series")] // venue, as a phrase
    [InlineData("northwind", "Code Camp")]          // organization name
    [InlineData("gala -jazz", "Sold Out Gala")]     // websearch syntax
    [InlineData("workshop", "Clay Series")]         // category
    [InlineData("workshops", "Clay Series")]        // category, stemmed
    [InlineData("morning", "Free Yoga")]            // a session's name
    public async Task Search_MatchesTitleDescriptionTagsVenueCategorySessionsAndOrganization(string text, string title) =>
        Assert.Equal([title], await TitlesAsync(new CatalogQuery(Text: text)));

    [Fact]
    public async Task Filters_ByCategoryOrganizationPriceAndDates()
    {
        Assert.Equal(["Clay Series"], await TitlesAsync(new CatalogQuery(Category: EventCategory.Workshop)));
        Assert.Equal(["Code Camp"], await TitlesAsync(new CatalogQuery(OrganizationSlug: "northwind")));
        Assert.Equal(["Free Yoga"], await TitlesAsync(new CatalogQuery(Price: PriceFilter.Free)));
        Assert.DoesNotContain("Free Yoga", await TitlesAsync(new CatalogQuery(Price: PriceFilter.Paid)));
        Assert.Equal(["Clay Series", "Free Yoga"], await TitlesAsync(new CatalogQuery(From: Catalog.Start.AddDays(2), To: Catalog.Start.AddDays(4))));
    }

    [Fact]
    public async Task OnlyAvailable_LeavesOutSoldOutEvents()
    {
        var titles = await TitlesAsync(new CatalogQuery(OnlyAvailable: true));
        Assert.DoesNotContain("Sold Out Gala", titles);
        Assert.Contains("Jazz Night", titles);
    }

    [Fact]
    public async Task Paging_UsesThePageSizeSetting()
    {
        var results = await Services.Get<BrowseCatalog>().SearchAsync(new CatalogQuery(Page: 2));
        Assert.Equal(5, results.Total);
        Assert.Equal(3, results.PageCount);
        Assert.Equal(["Free Yoga", "Sold Out Gala"], results.Events.Select(e => e.Title));
    }

    [Fact]
    public async Task Cards_ShowPriceRangeAndScarcity()
    {
        var cards = (await AllCardsAsync(new CatalogQuery())).ToDictionary(c => c.Title);
        Assert.Equal("€20.00 – €50.00", cards["Clay Series"].PriceText);
        Assert.Equal("Free", cards["Free Yoga"].PriceText);
        Assert.Equal(ScarcityBadge.SoldOut, cards["Sold Out Gala"].Badge);
        Assert.Equal(ScarcityBadge.FewLeft, cards["Jazz Night"].Badge);
        Assert.Equal(ScarcityBadge.None, cards["Code Camp"].Badge);
    }

    [Fact]
    public async Task EventPage_SaysWhichDayIsFull_InPlainWords()
    {
        Services.Caller.UserId = null;
        var view = await Services.Get<GetPublicEvent>().ExecuteAsync("clay-series");

        Assert.Equal(["S1", "S2"], view.Sessions.Select(s => s.Code));
        var series = view.TicketTypes.Single(t => t.Name == "Full series");
        Assert.Equal(ConstraintReason.SessionFull, series.Availability.Reason);
        Assert.Equal("Day 2 is full", series.AvailabilityText);
        var dayOne = view.TicketTypes.Single(t => t.Name == "Day 1 only");
        Assert.True(dayOne.Availability.IsPurchasable);
        Assert.NotEmpty(view.Related);
    }

    [Fact]
    public async Task EventPage_OfADraft_IsNotFoundForThePublic_ButPreviewedByItsTeam()
    {
        Services.Caller.UserId = null;
        await Assert.ThrowsAsync<NotFoundException>(() => Services.Get<GetPublicEvent>().ExecuteAsync("secret-draft"));
        Services.Caller.UserId = _catalog.RiversideManager;
        Assert.True((await Services.Get<GetPublicEvent>().ExecuteAsync("secret-draft")).IsPreview);
    }

    [Fact]
    public async Task MembersOnlyEvent_IsForMembers_WhoSeeMemberPrices()
    {
        Services.Caller.UserId = _catalog.Stranger;
        await Assert.ThrowsAsync<NotFoundException>(() => Services.Get<GetPublicEvent>().ExecuteAsync("members-evening"));

        Services.Caller.UserId = _catalog.Member;
        var view = await Services.Get<GetPublicEvent>().ExecuteAsync("members-evening");
        var ticket = Assert.Single(view.TicketTypes);
        Assert.True(view.IsMember);
        Assert.True(ticket.IsMemberPrice);
        Assert.Equal(1000, ticket.Price.AmountMinor);
        Assert.Equal(1500, ticket.RegularPrice.AmountMinor);
    }

    [Fact]
    public async Task MembersOnlyEvent_IsListedForMembers_AtTheirPrice()
    {
        Services.Caller.UserId = _catalog.Member;
        var card = (await Services.Get<BrowseCatalog>().SearchAsync(new CatalogQuery(Text: "members evening"))).Events.Single();
        Assert.Equal("€10.00", card.PriceText);

        Services.Caller.UserId = _catalog.Stranger;
        Assert.Empty((await Services.Get<BrowseCatalog>().SearchAsync(new CatalogQuery(Text: "members evening"))).Events);
    }

    [Fact]
    public async Task UnlistedEvent_IsNotListed_ButOpensByItsLink()
    {
        Assert.DoesNotContain("Hidden Gem", await TitlesAsync(new CatalogQuery()));
        Services.Caller.UserId = null;
        Assert.Equal("Hidden Gem", (await Services.Get<GetPublicEvent>().ExecuteAsync("hidden-gem")).Event.Title);
    }

    /// <summary>Two organizations and their events, created through the real use cases.</summary>
    public sealed class Catalog : IAsyncLifetime
    {
        public static readonly DateTimeOffset Start = new(2026, 7, 1, 18, 0, 0, TimeSpan.Zero);

        public CoreServices Services { get; private set; } = default!;
        public Guid RiversideManager { get; private set; }
        public Guid Member { get; private set; }
        public Guid Stranger { get; private set; }

        public async Task InitializeAsync()
        {
            Services = await CoreServices.CreateAsync("publiccatalog");
            await Services.Get<ISettingsService>().SetAsync(SettingKeys.SearchResultsPerPage, "2");
            RiversideManager = (await Services.Db.AddUserAsync("manager@riverside.test")).Id;
            var northwindManager = (await Services.Db.AddUserAsync("manager@northwind.test")).Id;
            Member = (await Services.Db.AddUserAsync("member@example.com")).Id;
            Stranger = (await Services.Db.AddUserAsync("stranger@example.com")).Id;
            var riverside = await Services.Db.AddOrganizationAsync("riverside", (RiversideManager, OrgRole.Manager));
            var northwind = await Services.Db.AddOrganizationAsync("northwind", (northwindManager, OrgRole.Manager));
            await using (var db = await Services.Db.CreateAsync())
            {
                await db.Organizations.Where(o => o.Id == northwind.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "Northwind Tech Meetups"));
                db.CustomerMembers.Add(new CustomerMember { OrganizationId = riverside.Id, Email = "member@example.com",
                    NormalizedEmail = "MEMBER@EXAMPLE.COM", AddedAt = Start });
                await db.SaveChangesAsync();
            }

            Services.Caller.UserId = RiversideManager;
            await PublishAsync(riverside.Id, "Jazz Night", EventCategory.Concert, [("Night", 0, 40, 35)], [("Entry", 2500)],
                description: "Tenor saxophone and trio.");
            var clay = await PublishAsync(riverside.Id, "Clay Series", EventCategory.Workshop, [("Day 1", 2, 10, 0), ("Day 2", 3, 10, 10)],
                [("Full series", 5000), ("Day 1 only", 2000)], tags: ["ceramics"], venue: "Riverside Studio");
            await PublishAsync(riverside.Id, "Free Yoga", EventCategory.Sports, [("Morning", 3, 30, 0)], [("Mat", 0)]);
            await PublishAsync(riverside.Id, "Sold Out Gala", EventCategory.Social, [("Gala", 5, 20, 20)], [("Seat", 9000)]);
            await PublishAsync(riverside.Id, "Hidden Gem", EventCategory.Other, [("Once", 6, 20, 0)], [("Entry", 1000)],
                visibility: EventVisibility.Unlisted);
            await PublishAsync(riverside.Id, "Members Evening", EventCategory.Social, [("Evening", 7, 20, 0)], [("Entry", 1500)],
                visibility: EventVisibility.MembersOnly, memberPrice: 1000);
            await PublishAsync(riverside.Id, "Past Party", EventCategory.Social, [("Party", -10, 20, 0)], [("Entry", 1000)]);
            await PublishAsync(riverside.Id, "Secret Draft", EventCategory.Other, [("Once", 8, 20, 0)], [("Entry", 1000)], publish: false);
            Services.Caller.UserId = northwindManager;
            await PublishAsync(northwind.Id, "Code Camp", EventCategory.Conference, [("Day", 9, 100, 0)], [("Pass", 12000)]);
            Services.Clock.SetUtcNow(Start.AddDays(-1));
            Assert.NotEqual(Guid.Empty, clay);
        }

        public async Task DisposeAsync() => await Services.DisposeAsync();

        private async Task<Guid> PublishAsync(
            Guid organizationId, string title, EventCategory category,
            (string Name, int Day, int Capacity, int Sold)[] sessions, (string Name, long Price)[] types,
            string? description = null, string[]? tags = null, string venue = "Hall", EventVisibility visibility = EventVisibility.Public,
            long? memberPrice = null, bool publish = true)
        {
            // Past events are created while the clock is in their past.
            Services.Clock.SetUtcNow(Start.AddDays(-30));
            var created = await Services.Get<SaveEvent>().CreateAsync(organizationId, new EventDetails
            {
                Title = title, Category = category, Description = description, Tags = tags ?? [], VenueName = venue, TimeZone = "Europe/Berlin",
                    Visibility = visibility,
            });
            var eventId = created.Value;
            var sessionIds = new List<Guid>();
            foreach (var (name, day, capacity, sold) in sessions)
            {
                var session = (await Services.Get<SaveSession>()
                    .AddAsync(eventId, new SessionDetails(name, Start.AddDays(day), Start.AddDays(day).AddHours(2), capacity))).Value!;
                sessionIds.Add(session.Id);
                await using var db = await Services.Db.CreateAsync();
                await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, sold));
            }

            foreach (var (name, price) in types)
            {
                var included = name == "Day 1 only" ? [sessionIds[0]] : sessionIds;
                var saved = await Services.Get<SaveTicketType>().AddAsync(eventId, new TicketTypeDetails
                {
                    Name = name, PriceMinor = price, SessionIds = included, MemberPriceMinor = memberPrice, SalesEndAt = Start.AddDays(60),
                });
                Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
            }

            if (publish)
            {
                Assert.True((await Services.Get<PublishEvent>().ExecuteAsync(eventId)).Succeeded);
            }

            return eventId;
        }
    }
}
