using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>A ticket handed to someone else gets a new code; the old QR stops working.</summary>
public sealed class AttendeeChangeTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _sale = default!;
    private Guid _managerId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("attendees");
        _managerId = (await _services.Db.AddUserAsync("manager@riverside.test")).Id;
        var organizationId = (await _services.Db.AddOrganizationAsync("riverside", (_managerId, OrgRole.Manager))).Id;
        _sale = await _services.Db.AddSellableEventAsync(organizationId, "handover", [100], new SeedTicketType("Day", 2000, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ChangingTheAttendee_ReissuesTheCode_EmailsTheNewOne_AndTheOldQrIsRefusedAtTheDoor()
    {
        var hold = await _services.HeldAsync(_sale.EventId, (_sale.TypeIds["Day"], 2));
        await _services.PayAsync(hold.AccessKey);
        var before = await _services.OrderAsync(hold.AccessKey);
        var ticket = before.Tickets.Single(t => t.Position == 1);
        var untouched = before.Tickets.Single(t => t.Position == 2);
        var emailsBefore = await ConfirmationsAsync();

        var result = await _services.Get<ChangeAttendee>().ByBuyerAsync(hold.AccessKey, ticket.Id, "New Person", "new.person@example.test");

        Assert.True(result.Succeeded);
        var after = await _services.OrderAsync(hold.AccessKey);
        var newCode = after.Tickets.Single(t => t.Id == ticket.Id).Code;
        Assert.NotEqual(ticket.Code, newCode);
        Assert.Equal(untouched.Code, after.Tickets.Single(t => t.Id == untouched.Id).Code);
        var emails = await ConfirmationsAsync();
        Assert.Equal(emailsBefore.Count + 1, emails.Count);
        Assert.Contains(newCode, emails[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(ticket.Code, emails[^1], StringComparison.Ordinal);

        _services.Caller.UserId = _managerId;
        var station = await _services.Get<CheckInStations>().ForStaffAsync(_sale.EventId);
        var check = _services.Get<CheckInTicket>();
        Assert.Equal(CheckInOutcome.UnknownCode, (await check.ExecuteAsync(station, ticket.Code, _sale.SessionIds[0])).Outcome);
        Assert.Equal(CheckInOutcome.CheckedIn, (await check.ExecuteAsync(station, newCode, _sale.SessionIds[0])).Outcome);
    }

    [Fact]
    public async Task SavingTheSameAttendeeAgain_KeepsTheCode()
    {
        var hold = await _services.HeldAsync(_sale.EventId, (_sale.TypeIds["Day"], 1));
        await _services.PayAsync(hold.AccessKey);
        var ticket = (await _services.OrderAsync(hold.AccessKey)).Tickets.Single();
        var emailsBefore = (await ConfirmationsAsync()).Count;

        Assert.True((await _services.Get<ChangeAttendee>()
            .ByBuyerAsync(hold.AccessKey, ticket.Id, ticket.AttendeeName, ticket.AttendeeEmail?.ToUpperInvariant())).Succeeded);

        Assert.Equal(ticket.Code, (await _services.OrderAsync(hold.AccessKey)).Tickets.Single().Code);
        Assert.Equal(emailsBefore, (await ConfirmationsAsync()).Count);
    }

    [Fact]
    public async Task ResendingTheTickets_IsLimitedPerOrderAndHour()
    {
        var hold = await _services.HeldAsync(_sale.EventId, (_sale.TypeIds["Day"], 1));
        await _services.PayAsync(hold.AccessKey);
        var emailsBefore = (await ConfirmationsAsync()).Count;
        var resend = _services.Get<ResendTickets>();

        var sent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => resend.ByBuyerAsync(hold.AccessKey))));

        Assert.Equal(ResendTickets.PerHour, sent.Count(s => s));
        Assert.Equal(emailsBefore + ResendTickets.PerHour, (await ConfirmationsAsync()).Count);
        _services.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await resend.ByBuyerAsync(hold.AccessKey));
    }

    private async Task<List<string>> ConfirmationsAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.OutboxEmails.Where(e => e.Kind == "order.confirmation").OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => e.TextBody)
            .ToListAsync();
    }
}
