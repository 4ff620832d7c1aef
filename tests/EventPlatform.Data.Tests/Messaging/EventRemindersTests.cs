using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Messaging;

/// <summary>An event's reminder rules: the default every event starts with, who may change them, and what is refused.</summary>
public sealed class EventRemindersTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private Guid _managerId;
    private Guid _analystId;
    private Guid _organizationId;
    private SellableEvent _sale = default!;
    private SellableEvent _otherSale = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("event-reminders");
        _managerId = (await _services.Db.AddUserAsync("manager@rules.test")).Id;
        _analystId = (await _services.Db.AddUserAsync("analyst@rules.test")).Id;
        var outsiderId = (await _services.Db.AddUserAsync("manager@elsewhere.test")).Id;
        _organizationId = (await _services.Db.AddOrganizationAsync("rules-hall", (_managerId, OrgRole.Manager), (_analystId, OrgRole.Analyst))).Id;
        var otherOrganization = await _services.Db.AddOrganizationAsync("elsewhere", (outsiderId, OrgRole.Manager));
        _sale = await _services.Db.AddSellableEventAsync(_organizationId, "rules", [10, 10], new SeedTicketType("Seat", 500, [0, 1]));
        _otherSale = await _services.Db.AddSellableEventAsync(otherOrganization.Id, "other-rules", [10], new SeedTicketType("Seat", 500, [0]));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private EventReminders Reminders => _services.Get<EventReminders>();

    [Fact]
    public async Task ANewEvent_StartsWithTheDefaultReminder_24HoursBeforeEachSession()
    {
        _services.Caller.UserId = _managerId;
        var created = await _services.Get<SaveEvent>().CreateAsync(_organizationId,
            new EventDetails { Title = "Default reminder", VenueName = "Hall", TimeZone = "Europe/Berlin" });
        Assert.True(created.Succeeded);

        var view = await Reminders.ListAsync(created.Value);

        var rule = Assert.Single(view.Rules);
        Assert.Equal("24 hours before each session starts", rule.Description);
        Assert.True(rule.Enabled);
        Assert.Equal(0, rule.Sent);
        Assert.True(view.CanEdit);
        Assert.Equal(_organizationId, view.OrganizationId);
    }

    [Fact]
    public async Task AManager_AddsTurnsOffAndRemovesRules_EachChangeAudited()
    {
        _services.Caller.UserId = _managerId;
        var added = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(1, ReminderUnit.Days, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.OneSession,
                _sale.SessionIds[1]));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        var hourly = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(90, ReminderUnit.Minutes, ReminderDirection.After, ReminderAnchor.End, ReminderScope.EachSession, null));
        Assert.True(hourly.Succeeded);

        await Reminders.SetEnabledAsync(_sale.EventId, added.Value, false);
        await Reminders.DeleteAsync(_sale.EventId, hourly.Value);

        var rule = Assert.Single((await Reminders.ListAsync(_sale.EventId)).Rules);
        Assert.Equal("24 hours before S2 — Day 2 starts", rule.Description);
        Assert.False(rule.Enabled);
        await using var db = await _services.Db.CreateAsync();
        var stored = await db.ReminderRules.SingleAsync();
        Assert.Equal((-24 * 60, _sale.SessionIds[1]), (stored.OffsetMinutes, stored.SessionId));
        var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("reminder_rule.")).Select(a => a.Action).OrderBy(a => a).ToListAsync();
        Assert.Equal(["reminder_rule.added", "reminder_rule.added", "reminder_rule.changed", "reminder_rule.removed"], actions);
        Assert.Contains("90 minutes after each session ends",
            (await db.AuditEntries.SingleAsync(a => a.Action == "reminder_rule.removed")).Details, StringComparison.Ordinal);

        // The same rule again would send the same reminder twice: refused.
        var again = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(24, ReminderUnit.Hours, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.OneSession,
                _sale.SessionIds[1]));
        Assert.Equal(UserMessages.ReminderExists, again.ErrorFor(ValidationFailure.FormLevel));
    }

    [Fact]
    public async Task AtMostFiveRules_EvenWhenManyAreAddedAtOnce()
    {
        _services.Caller.UserId = _managerId;

        // Twelve different rules at once (a flood from a stolen account): the cap holds under the event's lock.
        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(hours => Task.Run(() => Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(hours, ReminderUnit.Hours, ReminderDirection.After, ReminderAnchor.End, ReminderScope.EachSession, null)))));

        Assert.Equal(ReminderRule.MaxRulesPerEvent, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(UserMessages.ReminderLimit, r.ErrorFor(ValidationFailure.FormLevel)));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(ReminderRule.MaxRulesPerEvent, await db.ReminderRules.CountAsync(r => r.EventId == _sale.EventId));
    }

    [Fact]
    public async Task AnAnalyst_SeesTheRules_ButCannotChangeThem()
    {
        var rule = await _services.Db.AddRuleAsync(_sale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -60);
        _services.Caller.UserId = _analystId;

        var view = await Reminders.ListAsync(_sale.EventId);

        Assert.False(view.CanEdit);
        Assert.Single(view.Rules);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(1, ReminderUnit.Hours, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.EachSession, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Reminders.SetEnabledAsync(_sale.EventId, rule.Id, false));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Reminders.DeleteAsync(_sale.EventId, rule.Id));
        await using var db = await _services.Db.CreateAsync();
        Assert.True((await db.ReminderRules.SingleAsync()).Enabled);
    }

    [Fact]
    public async Task HostileInput_IsRefused_AndNothingChanges()
    {
        var foreignRule = await _services.Db.AddRuleAsync(_otherSale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -60);
        _services.Caller.UserId = _managerId;

        // A session of another organization's event.
        var foreignSession = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(1, ReminderUnit.Hours, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.OneSession,
                _otherSale.SessionIds[0]));
        Assert.Equal(UserMessages.ReminderSession, foreignSession.ErrorFor("SessionId"));
        var noSession = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(1, ReminderUnit.Hours, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.OneSession, null));
        Assert.NotNull(noSession.ErrorFor("SessionId"));
        // Out of range, and values no form offers.
        var tooFar = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(29, ReminderUnit.Days, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.EachSession, null));
        Assert.Equal(UserMessages.ReminderAmountRange, tooFar.ErrorFor("Amount"));
        var negative = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(-5, ReminderUnit.Hours, ReminderDirection.After, ReminderAnchor.Start, ReminderScope.EachSession, null));
        Assert.NotNull(negative.ErrorFor("Amount"));
        var forged = await Reminders.AddAsync(_sale.EventId,
            new ReminderRuleInput(1, (ReminderUnit)7, (ReminderDirection)9, (ReminderAnchor)3, (ReminderScope)5, null));
        Assert.Equal(["Unit", "Direction", "Anchor", "Scope"], forged.Errors.Select(e => e.Field));

        // Another organization's event and rule are not found, as if they did not exist.
        await Assert.ThrowsAsync<NotFoundException>(() => Reminders.ListAsync(_otherSale.EventId));
        await Assert.ThrowsAsync<NotFoundException>(() => Reminders.AddAsync(_otherSale.EventId,
            new ReminderRuleInput(1, ReminderUnit.Hours, ReminderDirection.Before, ReminderAnchor.Start, ReminderScope.EachSession, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => Reminders.SetEnabledAsync(_sale.EventId, foreignRule.Id, false));
        await Assert.ThrowsAsync<NotFoundException>(() => Reminders.DeleteAsync(_sale.EventId, foreignRule.Id));

        await using var db = await _services.Db.CreateAsync();
        var rule = await db.ReminderRules.SingleAsync();
        Assert.Equal(foreignRule.Id, rule.Id);
        Assert.True(rule.Enabled);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("reminder_rule.")));
    }
}
