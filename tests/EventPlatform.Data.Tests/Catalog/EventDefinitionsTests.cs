using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.Data.Tests.Ordering;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Catalog;

/// <summary>
/// Event definitions are cached (Core/Catalog/Browsing/EventDefinitions.cs): purchases and order
/// pages stop re-reading the event, but every organizer change is seen by the next purchase, and
/// counters are always read fresh.
/// </summary>
public sealed class EventDefinitionsTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;

    private Guid Day1 => _event.TypeIds["Day 1"];

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("definitions");
        var manager = await _services.Db.AddUserAsync("manager@definitions.test");
        _managerId = manager.Id;
        var organization = await _services.Db.AddOrganizationAsync("definitions-hall", (manager.Id, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "definitions-night", [10],
            new SeedTicketType("Day 1", 3000, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task TheDefinitionIsReadOnce_ButCountersAreReadEveryTime()
    {
        var definitions = _services.Get<EventDefinitions>();
        await using var db = await _services.Db.CreateAsync();
        var first = await definitions.GetAsync(db, _event.EventId);
        await _services.HeldAsync(_event.EventId, (Day1, 3));
        // Changed behind the app's back: the cached definition does not see it (the use cases below do).
        await db.Events.Where(e => e.Id == _event.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Renamed with SQL"));

        var again = await definitions.GetAsync(db, _event.EventId);
        Assert.Same(first, again);
        var counted = await definitions.WithCountersAsync(db, _event.EventId);
        Assert.Equal(3, counted!.TicketTypes.Single(t => t.Id == Day1).Taken);
        Assert.Equal(3, counted.Sessions.Single().Taken);
        // The cached entities keep the counters they were read with: copies carry the fresh ones.
        Assert.Equal(0, first!.TicketTypes.Single(t => t.Id == Day1).Taken);
        Assert.Null(await definitions.GetAsync(db, Guid.NewGuid()));
    }

    [Fact]
    public async Task APriceChange_PricesTheNextHold_AndANewQuestionIsAskedAtOnce()
    {
        var before = await _services.HeldAsync(_event.EventId, (Day1, 1));
        Assert.Equal(3000, (await _services.OrderAsync(before.AccessKey)).SubtotalMinor);

        _services.Caller.UserId = _managerId;
        TicketType type;
        await using (var db = await _services.Db.CreateAsync())
        {
            type = await db.TicketTypes.Include(t => t.Sessions).SingleAsync(t => t.Id == Day1);
        }

        var saved = await _services.Get<SaveTicketType>().UpdateAsync(Day1, TicketTypeDetails.From(type) with { PriceMinor = 4500 });
        Assert.True(saved.Succeeded);
        var question = await _services.Get<SaveQuestion>().ExecuteAsync(_event.EventId, null,
            new QuestionDetails("Dietary needs", QuestionKind.Text, [], IsRequired: true));
        Assert.True(question.Succeeded);
        _services.Caller.UserId = null;

        var after = await _services.HeldAsync(_event.EventId, (Day1, 1));
        Assert.Equal(4500, (await _services.OrderAsync(after.AccessKey)).SubtotalMinor);
        var view = await _services.Get<GetOrder>().ByKeyAsync(after.AccessKey);
        Assert.Contains(view.Questions, q => q.Label == "Dietary needs" && q.IsRequired);
        var missingAnswer = await _services.Get<SaveCheckoutDetails>().ExecuteAsync(after.AccessKey, new CheckoutDetails("buyer@definitions.test",
            null, [new AttendeeDetails(view.Tickets.Single().Id, "Ada Buyer", null, new Dictionary<string, string?>())]));
        Assert.Contains(missingAnswer.Errors, e => e.Field.EndsWith(question.Value!.Id.ToString(), StringComparison.Ordinal));
    }
}
