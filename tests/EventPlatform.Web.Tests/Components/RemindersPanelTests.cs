using Bunit;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using EventPlatform.Web.Components.Pages.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Components;

/// <summary>The reminders panel on a real database: the default rule, an error next to its field, a rule added, read-only for Analysts.</summary>
public sealed class RemindersPanelTests : WebComponentTestBase, IAsyncLifetime
{
    private CoreServices _core = default!;
    private Guid _organizationId;
    private Guid _eventId;
    private Guid _managerId;
    private Guid _analystId;

    public async Task InitializeAsync()
    {
        _core = await CoreServices.CreateAsync("reminders-panel");
        _managerId = (await _core.Db.AddUserAsync("manager@panel.test")).Id;
        _analystId = (await _core.Db.AddUserAsync("analyst@panel.test")).Id;
        _organizationId = (await _core.Db.AddOrganizationAsync("panel", (_managerId, OrgRole.Manager), (_analystId, OrgRole.Analyst))).Id;
        _core.Caller.UserId = _managerId;
        _eventId = (await _core.Get<SaveEvent>()
            .CreateAsync(_organizationId, new EventDetails { Title = "Panel", VenueName = "Hall", TimeZone = "Europe/Berlin" })).Value;
        Services.AddSingleton(_core.Get<EventReminders>());
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _core.DisposeAsync();
    }

    private async Task<int> RuleCountAsync()
    {
        await using var db = await _core.Db.CreateAsync();
        return await db.ReminderRules.CountAsync(r => r.EventId == _eventId);
    }

    [Fact]
    public async Task AManager_SeesTheDefault_GetsTheErrorNextToTheAmount_AndAddsARule()
    {
        var panel = RenderOnCircuit<RemindersPanel>(p => p.Add(x => x.EventId, _eventId).Add(x => x.CanEdit, true));
        panel.WaitForAssertion(() => Assert.Contains("24 hours before each session starts", panel.Markup, StringComparison.Ordinal));
        Assert.Contains($"href=\"/org/{_organizationId}/emails/reminder\"", panel.Markup, StringComparison.Ordinal);
        Assert.NotNull(panel.Find("button[aria-label='Remove reminder 24 hours before each session starts']"));
        Assert.NotNull(panel.Find("input[type=checkbox][aria-label='Send \"24 hours before each session starts\"']"));
        foreach (var id in new[] { "reminder-amount", "reminder-unit", "reminder-direction", "reminder-anchor", "reminder-scope" })
        {
            Assert.NotNull(panel.Find($"label[for='{id}']"));
        }

        panel.Find("#reminder-amount").Change("29");
        panel.Find("#reminder-unit").Change(nameof(ReminderUnit.Days));
        await panel.Find("form").SubmitAsync();

        Assert.Contains(UserMessages.ReminderAmountRange, panel.Markup, StringComparison.Ordinal);
        Assert.Equal(1, await RuleCountAsync());

        panel.Find("#reminder-amount").Change("2");
        panel.Find("#reminder-unit").Change(nameof(ReminderUnit.Hours));
        panel.Find("#reminder-direction").Change(nameof(ReminderDirection.After));
        panel.Find("#reminder-anchor").Change(nameof(ReminderAnchor.End));
        panel.Find("#reminder-scope").Change(nameof(ReminderScope.WholeEvent));
        await panel.Find("form").SubmitAsync();

        panel.WaitForAssertion(() => Assert.Contains("2 hours after the event ends", panel.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(UserMessages.ReminderAmountRange, panel.Markup, StringComparison.Ordinal);
        Assert.Equal(2, await RuleCountAsync());
    }

    [Fact]
    public void AnAnalyst_SeesTheRules_ReadOnly()
    {
        _core.Caller.UserId = _analystId;

        var panel = RenderOnCircuit<RemindersPanel>(p => p.Add(x => x.EventId, _eventId).Add(x => x.CanEdit, true));

        panel.WaitForAssertion(() => Assert.Contains("24 hours before each session starts", panel.Markup, StringComparison.Ordinal));
        Assert.NotNull(panel.Find("[data-testid=reminders-read-only]"));
        Assert.Empty(panel.FindAll("form"));
        Assert.Empty(panel.FindAll("button[aria-label^='Remove reminder']"));
        Assert.All(panel.FindAll("input[type=checkbox]"), input => Assert.True(input.HasAttribute("disabled")));
    }
}
