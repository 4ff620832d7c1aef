using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Catalog;

public sealed class CatalogManagementTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 9, 1, 17, 0, 0, TimeSpan.Zero);
    private CoreServices _services = default!;
    private Organization _organization = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("catalog");
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        _organization = await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager));
        _services.Caller.UserId = manager.Id;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static EventDetails Details(string title = "Pottery Basics", string? slug = null) => new()
    {
        Title = title,
        Slug = slug,
        VenueName = "Riverside Studio",
        TimeZone = "Europe/Berlin",
        Category = EventCategory.Workshop,
        Tags = ["Clay", " pottery ", "clay"],
    };

    private async Task<Guid> CreateEventAsync(string title = "Pottery Basics", string? slug = null)
    {
        var result = await _services.Get<SaveEvent>().CreateAsync(_organization.Id, Details(title, slug));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    private async Task<Session> AddSessionAsync(Guid eventId, string name, int dayOffset = 0, int capacity = 20)
    {
        var result = await _services.Get<SaveSession>()
            .AddAsync(eventId, new SessionDetails(name, Day1.AddDays(dayOffset), Day1.AddDays(dayOffset).AddHours(3), capacity));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<Guid> AddTicketTypeAsync(Guid eventId, params Guid[] sessionIds)
    {
        var result = await _services.Get<SaveTicketType>()
            .AddAsync(eventId, new TicketTypeDetails { Name = "Regular", PriceMinor = 2500, SessionIds = sessionIds });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    /// <summary>Places taken (sold or held) as purchases would leave the session's counter, without tickets.</summary>
    private async Task SimulateTakenAsync(Guid sessionId, int taken)
    {
        await using var db = await _services.Db.CreateAsync();
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, taken));
    }

    [Fact]
    public async Task CreateEvent_IsADraft_WithASlugFromTheTitle_NumberedWhenTaken()
    {
        var first = await CreateEventAsync("Pottery Basics");
        var second = await CreateEventAsync("Pottery Basics");

        await using var db = await _services.Db.CreateAsync();
        var events = await db.Events.Where(e => e.Id == first || e.Id == second).OrderBy(e => e.CreatedAt).ThenBy(e => e.Slug).ToListAsync();
        Assert.Equal(["pottery-basics", "pottery-basics-2"], events.Select(e => e.Slug).Order());
        Assert.All(events, e => Assert.Equal(EventStatus.Draft, e.Status));
        Assert.Equal(["clay", "pottery"], events[0].Tags);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "event.created" && a.TargetId == first.ToString()));
    }

    [Fact]
    public async Task CreateEvent_WithATakenSlug_SaysSoOnTheSlugField()
    {
        await CreateEventAsync("Evening Jazz", "evening-jazz");
        var result = await _services.Get<SaveEvent>().CreateAsync(_organization.Id, Details("Another Jazz", "evening-jazz"));
        Assert.Equal(UserMessages.EventSlugTaken, result.ErrorFor("Slug"));
    }

    [Fact]
    public async Task CreateEvent_WithBadInput_ReportsEveryFieldAndSavesNothing()
    {
        var details = Details() with { Title = "ab", ShortDescription = new string('x', 501), TimeZone = "Mars/Olympus", VenueName = " ",
            RefundableUntilHoursBefore = -1 };

        var result = await _services.Get<SaveEvent>().CreateAsync(_organization.Id, details);

        Assert.Equal(UserMessages.EventTitleLength, result.ErrorFor("Title"));
        Assert.Equal(UserMessages.ShortDescriptionLength, result.ErrorFor("ShortDescription"));
        Assert.Equal(UserMessages.TimeZoneUnknown, result.ErrorFor("TimeZone"));
        Assert.Equal(UserMessages.VenueNameRequired, result.ErrorFor("VenueName"));
        Assert.Equal(UserMessages.RefundHoursRange, result.ErrorFor("RefundableUntilHoursBefore"));
        await using var db = await _services.Db.CreateAsync();
        Assert.False(await db.Events.AnyAsync(e => e.OrganizationId == _organization.Id && e.Title == "ab"));
    }

    [Fact]
    public async Task SessionCodes_GoUpInOrder_AndAreNeverReused()
    {
        var eventId = await CreateEventAsync();
        await AddSessionAsync(eventId, "Day 1");
        var day2 = await AddSessionAsync(eventId, "Day 2", 1);
        Assert.True((await _services.Get<DeleteSession>().ExecuteAsync(day2.Id)).Succeeded);

        var day3 = await AddSessionAsync(eventId, "Day 3", 2);

        Assert.Equal("S3", day3.Code);
    }

    [Fact]
    public async Task SessionCodes_StayUnique_WhenTenAreAddedAtOnce()
    {
        var eventId = await CreateEventAsync();
        var callerId = _services.Caller.UserId;

        var sessions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            _services.Caller.UserId = callerId;
            return await AddSessionAsync(eventId, $"Night {i}", i);
        })));

        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"S{n}").Order(), sessions.Select(s => s.Code).Order());
    }

    [Fact]
    public async Task SessionBadInput_IsReportedOnEachField()
    {
        var eventId = await CreateEventAsync();
        var result = await _services.Get<SaveSession>().AddAsync(eventId, new SessionDetails("", Day1, Day1.AddHours(-1), 0));
        Assert.Equal(UserMessages.SessionNameRequired, result.ErrorFor("Name"));
        Assert.Equal(UserMessages.SessionEndAfterStart, result.ErrorFor("EndsAt"));
        Assert.Equal(UserMessages.CapacityPositive, result.ErrorFor("Capacity"));
    }

    [Fact]
    public async Task Capacity_CannotGoBelowSoldPlusHeld()
    {
        var eventId = await CreateEventAsync();
        var session = await AddSessionAsync(eventId, "Day 1", capacity: 20);
        await SimulateTakenAsync(session.Id, 12 + 3);

        var tooLow = await _services.Get<SaveSession>().UpdateAsync(session.Id, new SessionDetails("Day 1", Day1, Day1.AddHours(3), 14));
        var justEnough = await _services.Get<SaveSession>().UpdateAsync(session.Id, new SessionDetails("Day 1", Day1, Day1.AddHours(3), 15));

        Assert.Equal("Capacity cannot be lower than the 15 places already sold or held.", tooLow.ErrorFor("Capacity"));
        Assert.True(justEnough.Succeeded);
        Assert.Equal(15, justEnough.Value!.Capacity);
    }

    [Fact]
    public async Task Database_RefusesCountersAboveCapacity_WhateverTheCode()
    {
        var eventId = await CreateEventAsync();
        var session = await AddSessionAsync(eventId, "Day 1", capacity: 5);
        await using var db = await _services.Db.CreateAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, 6)));
    }

    [Fact]
    public async Task SessionWithSales_OrInATicketType_CannotBeDeleted()
    {
        var eventId = await CreateEventAsync();
        var sold = await AddSessionAsync(eventId, "Day 1");
        var included = await AddSessionAsync(eventId, "Day 2", 1);
        await SimulateTakenAsync(sold.Id, 1);
        await AddTicketTypeAsync(eventId, included.Id);

        Assert.Equal(UserMessages.SessionHasSales, (await _services.Get<DeleteSession>().ExecuteAsync(sold.Id))
            .ErrorFor(ValidationFailure.FormLevel));
        Assert.Equal(UserMessages.SessionInTicketType, (await _services.Get<DeleteSession>().ExecuteAsync(included.Id))
            .ErrorFor(ValidationFailure.FormLevel));
    }

    [Fact]
    public async Task TicketType_Defaults_MaxPerOrderFromSettings_AndSalesEndAtTheFirstSession()
    {
        var eventId = await CreateEventAsync();
        var day2 = await AddSessionAsync(eventId, "Day 2", 1);
        var day1 = await AddSessionAsync(eventId, "Day 1", 0);

        var typeId = await AddTicketTypeAsync(eventId, day2.Id, day1.Id);

        await using var db = await _services.Db.CreateAsync();
        var type = await db.TicketTypes.Include(t => t.Sessions).SingleAsync(t => t.Id == typeId);
        Assert.Equal(10, type.MaxPerOrder);
        Assert.Equal(day1.StartsAt, type.SalesEndAt);
        Assert.Equal("EUR", type.Currency);
        Assert.Equal(2, type.Sessions.Count);
    }

    [Fact]
    public async Task TicketType_BadInput_IsReportedOnEachField_AndAnotherEventsSessionIsRefused()
    {
        var eventId = await CreateEventAsync();
        var otherEvent = await CreateEventAsync("Other");
        var foreignSession = await AddSessionAsync(otherEvent, "Elsewhere");
        var save = _services.Get<SaveTicketType>();

        var empty = await save.AddAsync(eventId,
            new TicketTypeDetails { Name = "", PriceMinor = -1, MinPerOrder = 5, MaxPerOrder = 2, Currency = "euro", QuantityCap = 0 });
        Assert.Equal(UserMessages.TicketNameRequired, empty.ErrorFor("Name"));
        Assert.Equal(UserMessages.AtLeastOneSession, empty.ErrorFor("SessionIds"));
        Assert.Equal(UserMessages.PriceNotNegative, empty.ErrorFor("PriceMinor"));
        Assert.Equal(UserMessages.MinAboveMax, empty.ErrorFor("MinPerOrder"));
        Assert.Equal(UserMessages.CurrencyInvalid, empty.ErrorFor("Currency"));
        Assert.Equal(UserMessages.QuantityCapPositive, empty.ErrorFor("QuantityCap"));

        var foreign = await save.AddAsync(eventId, new TicketTypeDetails { Name = "Sneaky", SessionIds = [foreignSession.Id] });
        Assert.Equal(UserMessages.AtLeastOneSession, foreign.ErrorFor("SessionIds"));

        var window = await save.AddAsync(otherEvent,
            new TicketTypeDetails { Name = "Window", SessionIds = [foreignSession.Id], SalesStartAt = Day1, SalesEndAt = Day1.AddDays(-1) });
        Assert.Equal(UserMessages.SalesEndAfterStart, window.ErrorFor("SalesEndAt"));
        await using var db = await _services.Db.CreateAsync();
        Assert.False(await db.TicketTypes.AnyAsync(t => t.EventId == eventId));
    }

    [Fact]
    public async Task TicketTypeWithSales_IsDeactivatedNotDeleted()
    {
        var eventId = await CreateEventAsync();
        var session = await AddSessionAsync(eventId, "Day 1");
        var typeId = await AddTicketTypeAsync(eventId, session.Id);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, 2));
        }

        Assert.Equal(UserMessages.TicketTypeHasSales, (await _services.Get<DeleteTicketType>().ExecuteAsync(typeId))
            .ErrorFor(ValidationFailure.FormLevel));
        var deactivated = await _services.Get<SaveTicketType>()
            .UpdateAsync(typeId, new TicketTypeDetails { Name = "Regular", PriceMinor = 2500, SessionIds = [session.Id], IsActive = false });
        Assert.True(deactivated.Succeeded);
        var capBelowSold = await _services.Get<SaveTicketType>()
            .UpdateAsync(typeId, new TicketTypeDetails { Name = "Regular", SessionIds = [session.Id], QuantityCap = 1 });
        Assert.Equal("The cap cannot be lower than the 2 tickets already sold or held.", capBelowSold.ErrorFor("QuantityCap"));
    }

    [Fact]
    public async Task Publish_NeedsSessionsAndTicketTypes_ThenCancel_AndDeleteOnlyWithoutSales()
    {
        var eventId = await CreateEventAsync();
        var publish = _services.Get<PublishEvent>();
        Assert.Equal(UserMessages.PublishNeedsSessions, (await publish.ExecuteAsync(eventId)).ErrorFor(ValidationFailure.FormLevel));

        var session = await AddSessionAsync(eventId, "Day 1");
        await AddTicketTypeAsync(eventId, session.Id);
        Assert.Equal(EventStatus.Published, (await publish.ExecuteAsync(eventId)).Value);
        Assert.False((await publish.ExecuteAsync(eventId)).Succeeded);

        await using (var db = await _services.Db.CreateAsync())
        {
            await db.TicketTypes.Where(t => t.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, 1));
        }

        Assert.Equal(UserMessages.EventHasSales, (await _services.Get<DeleteEvent>().ExecuteAsync(eventId)).ErrorFor(ValidationFailure.FormLevel));
        await using (var db = await _services.Db.CreateAsync())
        {
            // The refused delete changed nothing: the ticket type still includes its session.
            Assert.True(await db.TicketTypeSessions.AnyAsync(l => l.SessionId == session.Id));
        }

        // Cancelling with sales is allowed: paid orders are refunded (see the ordering tests); the event is kept.
        Assert.Equal(EventStatus.Cancelled, (await _services.Get<CancelEvent>().ExecuteAsync(eventId)).Value);
        Assert.False((await _services.Get<DeleteEvent>().ExecuteAsync(eventId)).Succeeded);

        var unsold = await CreateEventAsync("Quiet evening");
        Assert.Equal(EventStatus.Cancelled, (await _services.Get<CancelEvent>().ExecuteAsync(unsold)).Value);
        Assert.True((await _services.Get<DeleteEvent>().ExecuteAsync(unsold)).Succeeded);
    }

    [Fact]
    public async Task Delete_OfAnUnsoldEvent_RemovesItsSessionsAndTicketTypesToo()
    {
        var eventId = await CreateEventAsync("Short-lived");
        var day1 = await AddSessionAsync(eventId, "Day 1");
        var day2 = await AddSessionAsync(eventId, "Day 2", 1);
        await AddTicketTypeAsync(eventId, day1.Id, day2.Id);

        Assert.True((await _services.Get<DeleteEvent>().ExecuteAsync(eventId)).Succeeded);

        await using var db = await _services.Db.CreateAsync();
        Assert.False(await db.Events.AnyAsync(e => e.Id == eventId));
        Assert.False(await db.Sessions.AnyAsync(s => s.EventId == eventId));
        Assert.False(await db.TicketTypes.AnyAsync(t => t.EventId == eventId));
        Assert.False(await db.TicketTypeSessions.AnyAsync(t => t.SessionId == day1.Id || t.SessionId == day2.Id));
    }

    [Fact]
    public async Task Lifecycle_PublishesScheduledEventsOnTime_AndCompletesEndedOnes()
    {
        var eventId = await CreateEventAsync();
        var session = await AddSessionAsync(eventId, "Day 1");
        await AddTicketTypeAsync(eventId, session.Id);
        var now = _services.Clock.GetUtcNow();
        Assert.False((await _services.Get<ScheduleEvent>().ExecuteAsync(eventId, now.AddMinutes(-1))).Succeeded);
        Assert.True((await _services.Get<ScheduleEvent>().ExecuteAsync(eventId, now.AddHours(1))).Succeeded);
        var lifecycle = _services.Get<AdvanceEventLifecycle>();

        await lifecycle.ExecuteAsync();
        Assert.Equal(EventStatus.Scheduled, await StatusOfAsync(eventId));

        _services.Clock.SetUtcNow(now.AddHours(1));
        await lifecycle.ExecuteAsync();
        Assert.Equal(EventStatus.Published, await StatusOfAsync(eventId));

        _services.Clock.SetUtcNow(session.EndsAt);
        await lifecycle.ExecuteAsync();
        Assert.Equal(EventStatus.Completed, await StatusOfAsync(eventId));
    }

    private async Task<EventStatus> StatusOfAsync(Guid eventId)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.Events.Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync();
    }

    [Fact]
    public async Task List_FiltersByStatus_AndSearchesTitleAndVenue()
    {
        await CreateEventAsync("Glaze Lab");
        var published = await CreateEventAsync("Wheel Throwing 100%");
        var session = await AddSessionAsync(published, "Day 1");
        await AddTicketTypeAsync(published, session.Id);
        await _services.Get<PublishEvent>().ExecuteAsync(published);
        var events = _services.Get<ListOrganizerEvents>();

        Assert.Contains(await events.ExecuteAsync(_organization.Id, EventStatus.Published, null), r => r.Id == published);
        Assert.DoesNotContain(await events.ExecuteAsync(_organization.Id, EventStatus.Published, null), r => r.Title == "Glaze Lab");
        Assert.Equal(["Glaze Lab"], (await events.ExecuteAsync(_organization.Id, null, "glaze")).Select(r => r.Title));
        Assert.Equal(["Wheel Throwing 100%"], (await events.ExecuteAsync(_organization.Id, null, "100%")).Select(r => r.Title));
        Assert.NotEmpty(await events.ExecuteAsync(_organization.Id, null, "riverside studio"));
    }

    [Fact]
    public async Task List_ShowsTheSessionWithFewestPlacesLeft_NotTheSumOfCapacities()
    {
        var eventId = await CreateEventAsync("Clay Festival");
        var friday = await AddSessionAsync(eventId, "Friday", 0, capacity: 200);
        var saturday = await AddSessionAsync(eventId, "Saturday", 1, capacity: 300);
        var sunday = await AddSessionAsync(eventId, "Sunday", 2, capacity: 100);
        await SimulateTakenAsync(friday.Id, 145);
        await SimulateTakenAsync(saturday.Id, 100);
        await SimulateTakenAsync(sunday.Id, 10);
        var undated = await CreateEventAsync("Glaze Lab");
        var events = _services.Get<ListOrganizerEvents>();

        var rows = await events.ExecuteAsync(_organization.Id, null, null);
        var festival = rows.Single(r => r.Id == eventId);
        Assert.Equal(3, festival.Sessions);
        // 145 of 200 (55 left) sells out first; "145 / 600" would hide it. (No tickets: all taken places count as held here;
        // the split into sold and held, from real tickets, is tested by the events list's browser test.)
        Assert.Equal(new SessionFill(friday.Code, "Friday", 0, 145, 200), festival.Fullest);
        Assert.Equal(55, festival.Fullest!.Left);
        Assert.Null(rows.Single(r => r.Id == undated).Fullest);

        // Places held in checkouts are taken too: Sunday now has 50 left, fewer than Friday's 55.
        await SimulateTakenAsync(sunday.Id, 10 + 40);
        festival = (await events.ExecuteAsync(_organization.Id, null, "festival")).Single();
        Assert.Equal(new SessionFill(sunday.Code, "Sunday", 0, 50, 100), festival.Fullest);

        // As many left in two sessions (50): the fuller one shows, 250 of 300 before 50 of 100.
        await SimulateTakenAsync(saturday.Id, 250);
        await SimulateTakenAsync(sunday.Id, 50);
        festival = (await events.ExecuteAsync(_organization.Id, null, "festival")).Single();
        Assert.Equal(saturday.Code, festival.Fullest!.Code);
    }

    [Fact]
    public async Task PublishAndCancel_ShowInTheCachedCatalogAtOnce()
    {
        var eventId = await CreateEventAsync("Raku Firing Night");
        var session = await AddSessionAsync(eventId, "Evening");
        await AddTicketTypeAsync(eventId, session.Id);
        var query = new CatalogQuery("Raku");
        async Task<IReadOnlyList<Guid>> ListedAsync() =>
            (await _services.Get<BrowseCatalog>().SearchAsync(query)).Events.Select(c => c.Id).ToList();

        Assert.DoesNotContain(eventId, await ListedAsync()); // a draft; this answer is now cached
        await _services.Get<PublishEvent>().ExecuteAsync(eventId);
        Assert.Contains(eventId, await ListedAsync());
        await _services.Get<CancelEvent>().ExecuteAsync(eventId);
        Assert.DoesNotContain(eventId, await ListedAsync());
    }
}
