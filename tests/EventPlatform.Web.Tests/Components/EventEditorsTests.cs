using Bunit;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using EventPlatform.Web.Components.Pages.Catalog.Manage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Components;

/// <summary>The sessions and ticket-type editors on a real database: what they refuse, and where they say it.</summary>
public sealed class EventEditorsTests : WebComponentTestBase, IAsyncLifetime
{
    private CoreServices _core = default!;
    private EventForEditing _editing = default!;

    public async Task InitializeAsync()
    {
        _core = await CoreServices.CreateAsync("editors");
        var manager = (await _core.Db.AddUserAsync("manager@editors.test")).Id;
        var organization = await _core.Db.AddOrganizationAsync("editors", (manager, OrgRole.Manager));
        _core.Caller.UserId = manager;
        var eventId = (await _core.Get<SaveEvent>()
            .CreateAsync(organization.Id, new EventDetails { Title = "Editors", VenueName = "Hall", TimeZone = "Europe/Berlin" })).Value;
        var start = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await _core.Get<SaveSession>().AddAsync(eventId, new SessionDetails("Day 1", start, start.AddHours(2), 10));
        _editing = await _core.Get<GetEventForEditing>().ExecuteAsync(eventId);
        Services.AddSingleton(_core.Get<SaveSession>());
        Services.AddSingleton(_core.Get<SaveTicketType>());
        Services.AddSingleton(_core.Get<DeleteSession>());
        Services.AddSingleton(_core.Get<DeleteTicketType>());
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _core.DisposeAsync();
    }

    [Fact]
    public async Task SessionsEditor_ShowsEachProblemOnItsField_AndAddsNothing()
    {
        var changed = 0;
        var editor = RenderOnCircuit<SessionsEditor>(p => p
            .Add(e => e.Event, _editing.Event)
            .Add(e => e.Sessions, _editing.Sessions)
            .Add(e => e.Sold, _editing.Sold)
            .Add(e => e.OnChanged, () => changed++));

        await editor.Find("form").SubmitAsync();

        Assert.Contains("Enter a start date and time", editor.Markup, StringComparison.Ordinal);
        Assert.Contains("Enter an end date and time", editor.Markup, StringComparison.Ordinal);

        editor.Find("#session-starts").Change("2027-03-02T10:00");
        editor.Find("#session-ends").Change("2027-03-02T09:00");
        await editor.Find("form").SubmitAsync();

        Assert.Contains("Enter a name for the session", editor.Markup, StringComparison.Ordinal);
        Assert.Contains("The end must be after the start.", editor.Markup, StringComparison.Ordinal);
        Assert.Equal(0, changed);
        await using var db = await _core.Db.CreateAsync();
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.EventId == _editing.Event.Id));
    }

    [Fact]
    public async Task SessionsEditor_AddsAValidSession_InTheEventsZone()
    {
        var changed = 0;
        var editor = RenderOnCircuit<SessionsEditor>(p => p
            .Add(e => e.Event, _editing.Event)
            .Add(e => e.Sessions, _editing.Sessions)
            .Add(e => e.Sold, _editing.Sold)
            .Add(e => e.OnChanged, () => changed++));

        editor.Find("#session-name").Change("Day 2");
        editor.Find("#session-starts").Change("2027-03-02T10:00");
        editor.Find("#session-ends").Change("2027-03-02T12:00");
        editor.Find("#session-capacity").Change("15");
        await editor.Find("form").SubmitAsync();

        Assert.Equal(1, changed);
        await using var db = await _core.Db.CreateAsync();
        var added = await db.Sessions.SingleAsync(s => s.EventId == _editing.Event.Id && s.Code == "S2");
        // 10:00 in Berlin in March (UTC+1) is 09:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero), added.StartsAt);
    }

    [Fact]
    public async Task TicketTypesEditor_RefusesAmountsItCannotRead_AndAMissingSession()
    {
        var editor = RenderOnCircuit<TicketTypesEditor>(p => p.Add(e => e.Editing, _editing));

        editor.Find("#ticket-name").Change("Regular");
        editor.Find("#ticket-price").Change("12.345");
        await editor.Find("form").SubmitAsync();
        Assert.Contains("Enter an amount like 25.00 (at most 2 decimals).", editor.Markup, StringComparison.Ordinal);

        editor.Find("#ticket-price").Change("12.50");
        await editor.Find("form").SubmitAsync();
        Assert.Contains("Choose at least one session for this ticket type.", editor.Markup, StringComparison.Ordinal);
        await using var db = await _core.Db.CreateAsync();
        Assert.False(await db.TicketTypes.AnyAsync(t => t.EventId == _editing.Event.Id));
    }
}
