using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Core.Messaging;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Tests.Messaging;

/// <summary>
/// The composer on a real database: who a filter reaches (deduplicated), one outbox email per
/// recipient with their own values, scheduling and cancelling, exactly once under parallel workers,
/// and the guards (Admin above the recipient limit, the organization's daily limit, even in parallel).
/// </summary>
public sealed class AttendeeMessagesTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _sale = default!;
    private Guid _ownerId;
    private Guid _managerId;
    private Guid _analystId;
    private OrderView _orderA = default!;
    private OrderView _orderB = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("attendee-messages", s => s.AddSingleton<IEmailTransport, AcceptingTransport>());
        _ownerId = (await _services.Db.AddUserAsync("owner@messages.test")).Id;
        _managerId = (await _services.Db.AddUserAsync("manager@messages.test")).Id;
        _analystId = (await _services.Db.AddUserAsync("analyst@messages.test")).Id;
        var organization = await _services.Db.AddOrganizationAsync("messages-hall", (_ownerId, OrgRole.Owner), (_managerId, OrgRole.Manager),
            (_analystId, OrgRole.Analyst));
        _sale = await _services.Db.AddSellableEventAsync(organization.Id, "messages-night", [50, 50],
            new SeedTicketType("Day 1", 2500, [0]), new SeedTicketType("Day 2", 2500, [1]));

        // A: two Day 1 tickets; the first names att1@example.test, the second no address (reached through its buyer).
        _orderA = await Purchase.BuyAsync(_services.Provider, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day 1"]] = 2 },
            CheckoutBuyer.Default with { Email = "a@example.test", Name = "Ann <b>Buyer</b>" });
        // B: one Day 2 ticket for A's buyer (in other letters), bought by b@example.test.
        _orderB = await Purchase.BuyAsync(_services.Provider, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day 2"]] = 1 },
            CheckoutBuyer.Default with { Email = "b@example.test", Name = "Ben" });
        await using var db = await _services.Db.CreateAsync();
        await db.Tickets.Where(t => t.Id == _orderA.Tickets[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.AttendeeEmail, "att1@example.test"));
        await db.Tickets.Where(t => t.Id == _orderB.Tickets[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.AttendeeEmail, "A@Example.test")
            .SetProperty(t => t.AttendeeName, "Ann as guest"));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private AttendeeMessages Messages => _services.Get<AttendeeMessages>();

    private async Task<int> CountAsync(RecipientFilter filter) => (await Messages.RecipientsAsync(_sale.EventId, filter)).Count;

    private static RecipientFilter Filter(MessageAudience audience, CheckInFilter checkedIn = CheckInFilter.Any, Guid[]? sessions = null,
        OrderStatus[]? statuses = null) =>
        new(audience, sessions ?? [], [], statuses ?? [OrderStatus.Paid], checkedIn);

    private static MessageDraft Draft(RecipientFilter filter, string subject = "Doors at {session_start}",
        string body = "Hello {attendee_name}, see [your order]({order_url}).") => new(filter, subject, body);

    [Fact]
    public async Task TheFilters_ReachBuyersAttendeesOrBoth_OncePerAddress()
    {
        // Cancelled tickets and an unpaid hold, to be selected only when asked for.
        var cancelled = await Purchase.BuyAsync(_services.Provider, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day 1"]] = 1 },
            CheckoutBuyer.Default with { Email = "c@example.test" });
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.Tickets.Where(t => t.OrderId == cancelled.Order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Cancelled));
        }

        var pending = await Purchase.HeldAsync(_services.Provider, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Day 2"]] = 1 });
        await Purchase.SaveDetailsAsync(_services.Provider, pending.AccessKey, CheckoutBuyer.Default with { Email = "d@example.test" });
        _services.Caller.UserId = _managerId;

        Assert.Equal(2, await CountAsync(Filter(MessageAudience.Buyers)));
        // att1, and a@ for the ticket without an address and again (other letters) as B's attendee: counted once.
        Assert.Equal(2, await CountAsync(Filter(MessageAudience.Attendees)));
        Assert.Equal(3, await CountAsync(Filter(MessageAudience.BuyersAndAttendees)));
        Assert.Equal(2, await CountAsync(Filter(MessageAudience.BuyersAndAttendees, sessions: [_sale.SessionIds[1]])));
        Assert.Equal(1, await CountAsync(Filter(MessageAudience.Buyers, statuses: [OrderStatus.Cancelled])));
        Assert.Equal(1, await CountAsync(Filter(MessageAudience.Buyers, statuses: [OrderStatus.Pending])));
        Assert.Equal(4, await CountAsync(Filter(MessageAudience.Buyers,
            statuses: [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Pending])));

        await using (var db = await _services.Db.CreateAsync())
        {
            db.CheckIns.Add(new CheckInRecord { Id = Guid.CreateVersion7(), EventId = _sale.EventId, TicketId = _orderB.Tickets[0].Id,
                SessionId = _sale.SessionIds[1], CheckedInAt = _services.Clock.GetUtcNow(), StationName = "Door" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await CountAsync(Filter(MessageAudience.BuyersAndAttendees, CheckInFilter.CheckedIn)));
        Assert.Equal(1, await CountAsync(Filter(MessageAudience.Buyers, CheckInFilter.NotCheckedIn)));
        Assert.Equal(0, await CountAsync(Filter(MessageAudience.Buyers, CheckInFilter.CheckedIn, [_sale.SessionIds[0]])));
    }

    [Fact]
    public async Task SendNow_QueuesOneEmailPerRecipient_WithTheirOwnValues_Escaped_AndTheLogsShowIt()
    {
        _services.Caller.UserId = _managerId;

        var sent = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.BuyersAndAttendees)), sendAtLocal: null);

        Assert.True(sent.Succeeded, string.Join("; ", sent.Errors.Select(e => e.Message)));
        await using var db = await _services.Db.CreateAsync();
        var message = await db.AttendeeMessages.SingleAsync();
        Assert.Equal(AttendeeMessageStatus.Sent, message.Status);
        Assert.Equal(3, message.RecipientCount);
        var emails = await db.OutboxEmails.Where(e => e.AttendeeMessageId == message.Id).ToListAsync();
        Assert.Equal(["a@example.test", "att1@example.test", "b@example.test"], emails.Select(e => e.To).Order(StringComparer.Ordinal));
        Assert.All(emails, e => Assert.Equal(_sale.OrganizationId, e.OrganizationId));
        // Each recipient's session: A's tickets are for Day 1, B's for Day 2.
        Assert.Equal("Doors at Mon 1 Mar 2027, 19:00 (Europe/Berlin)", emails.Single(e => e.To == "att1@example.test").Subject);
        Assert.Equal("Doors at Tue 2 Mar 2027, 19:00 (Europe/Berlin)", emails.Single(e => e.To == "b@example.test").Subject);
        var toBuyer = emails.Single(e => e.To == "a@example.test");
        Assert.Contains("Hello Ann &lt;b&gt;Buyer&lt;/b&gt;", toBuyer.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"https://tickets.test/order/{_orderA.Order.AccessKey}", toBuyer.HtmlBody, StringComparison.Ordinal);
        // An attendee who did not buy gets the event's page, never the buyer's order link.
        var toAttendee = emails.Single(e => e.To == "att1@example.test");
        Assert.Contains("Hello Attendee 1", toAttendee.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_orderA.Order.AccessKey, toAttendee.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://tickets.test/e/messages-night", toAttendee.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "attendee_message.scheduled"));

        var row = Assert.Single((await _services.Get<MessageLog>().ForEventAsync(_sale.EventId)).Rows);
        Assert.Equal(new DeliveryCounts(3, 0, 0), row.Delivery);
        await _services.Get<DeliverOutboxEmails>().ExecuteAsync();
        var details = await _services.Get<MessageLog>().GetAsync(_sale.EventId, message.Id);
        Assert.Equal(new DeliveryCounts(0, 3, 0), details.Delivery);
        Assert.All(details.Deliveries, d => Assert.Equal(OutboxEmailStatus.Sent, d.Status));
        var log = await _services.Get<OrganizationEmailLog>().ListAsync(_sale.OrganizationId, recipient: "att1");
        Assert.Equal("Message", OrganizationEmailLog.Describe(Assert.Single(log.Rows).Kind));
        // The organization's log holds the order confirmations (found through their orders) and the messages.
        Assert.Equal(5, (await _services.Get<OrganizationEmailLog>().ListAsync(_sale.OrganizationId)).Total);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithItsField_AndNothingIsSaved()
    {
        _services.Caller.UserId = _managerId;
        var filter = Filter(MessageAudience.Buyers);

        var unknown = await Messages.ScheduleAsync(_sale.EventId, Draft(filter, "Hi {first_name}", "See {evnt_url}"), null);
        var past = await Messages.ScheduleAsync(_sale.EventId, Draft(filter), "2020-01-01T10:00");
        var hostile = await Messages.ScheduleAsync(_sale.EventId, Draft(filter with { SessionIds = [Guid.NewGuid()], OrderStatuses = [] }), null);
        var nobody = await Messages.ScheduleAsync(_sale.EventId, Draft(filter with { CheckedIn = CheckInFilter.CheckedIn }), null);

        Assert.Contains("{first_name}", unknown.ErrorFor("Subject"), StringComparison.Ordinal);
        Assert.Contains("{evnt_url}", unknown.ErrorFor("Body"), StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", past.ErrorFor("SendAt"), StringComparison.Ordinal);
        Assert.Equal(UserMessages.ExportSessionUnknown, hostile.ErrorFor("Sessions"));
        Assert.Equal(UserMessages.MessageStatusRequired, hostile.ErrorFor("OrderStatuses"));
        Assert.Equal(UserMessages.MessageNoRecipients, nobody.ErrorFor("Recipients"));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(0, await db.AttendeeMessages.CountAsync());
        Assert.Equal(0, await db.OutboxEmails.CountAsync(e => e.AttendeeMessageId != null));
    }

    [Fact]
    public async Task AScheduledMessage_GoesAtItsTime_ExactlyOnce_EvenWithWorkersRacing()
    {
        _services.Caller.UserId = _managerId;
        var sendAt = _services.Clock.GetUtcNow().AddHours(2);
        var local = EventPlatform.Core.Catalog.EventTime.ToLocalInput(sendAt, "Europe/Berlin");

        var scheduled = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), local);

        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors.Select(e => e.Message)));
        Assert.Equal(0, await _services.Get<SendDueMessages>().ExecuteAsync());
        _services.Clock.Advance(TimeSpan.FromHours(3));
        // Two passes of the worker (two app instances) at once: one sends, the other finds it sent.
        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = _services.Provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SendDueMessages>().SendAsync(scheduled.Value) is not null;
        })));
        Assert.Single(passes, sent => sent);
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(2, await db.OutboxEmails.CountAsync(e => e.AttendeeMessageId == scheduled.Value));
        Assert.Equal(AttendeeMessageStatus.Sent, (await db.AttendeeMessages.SingleAsync()).Status);
    }

    [Fact]
    public async Task CancellingBeforeItGoes_SendsNothing_AndAfterwardsIsTooLate()
    {
        _services.Caller.UserId = _managerId;
        var local = EventPlatform.Core.Catalog.EventTime.ToLocalInput(_services.Clock.GetUtcNow().AddDays(1), "Europe/Berlin");
        var scheduled = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), local);

        Assert.True(await Messages.CancelAsync(scheduled.Value));
        Assert.False(await Messages.CancelAsync(scheduled.Value));
        _services.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await _services.Get<SendDueMessages>().ExecuteAsync());

        var now = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), null);
        Assert.False(await Messages.CancelAsync(now.Value));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(AttendeeMessageStatus.Cancelled, (await db.AttendeeMessages.SingleAsync(m => m.Id == scheduled.Value)).Status);
        Assert.Equal(0, await db.OutboxEmails.CountAsync(e => e.AttendeeMessageId == scheduled.Value));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "attendee_message.cancelled"));
    }

    [Fact]
    public async Task AboveTheRecipientLimit_OnlyAnAdminOrOwnerMaySend()
    {
        await _services.Get<ISettingsService>().SetAsync(SettingKeys.MessageRecipientsWithoutAdmin, "2");
        var draft = Draft(Filter(MessageAudience.BuyersAndAttendees));

        _services.Caller.UserId = _managerId;
        var byManager = await Messages.ScheduleAsync(_sale.EventId, draft, null);
        _services.Caller.UserId = _ownerId;
        var byOwner = await Messages.ScheduleAsync(_sale.EventId, draft, null);

        Assert.Equal(UserMessages.MessageNeedsAdmin(3, 2), byManager.ErrorFor("Recipients"));
        Assert.True(byOwner.Succeeded, string.Join("; ", byOwner.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task TheDailyLimit_HoldsEvenWhenManyMessagesGoAtOnce()
    {
        await _services.Get<ISettingsService>().SetAsync(SettingKeys.MessageEmailsPerOrganizationPerDay, "5");
        _services.Caller.UserId = _managerId;
        var local = EventPlatform.Core.Catalog.EventTime.ToLocalInput(_services.Clock.GetUtcNow().AddHours(1), "Europe/Berlin");
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), local)).Value);
        }

        _services.Clock.Advance(TimeSpan.FromHours(2));
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            await using var scope = _services.Provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendDueMessages>().SendAsync(id);
        })));

        await using var db = await _services.Db.CreateAsync();
        // Two recipients each: two messages fit in five, the other four are refused with the reason.
        Assert.Equal(4, await db.OutboxEmails.CountAsync(e => e.AttendeeMessageId != null));
        var messages = await db.AttendeeMessages.ToListAsync();
        Assert.Equal(2, messages.Count(m => m.Status == AttendeeMessageStatus.Sent));
        Assert.All(messages.Where(m => m.Status != AttendeeMessageStatus.Sent), m =>
        {
            Assert.Equal(AttendeeMessageStatus.Refused, m.Status);
            Assert.Equal(UserMessages.MessageDailyLimit(2, 5, 4), m.RefusedReason);
        });
        // "Send now" is refused up front, with the numbers.
        var now = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), null);
        Assert.Equal(UserMessages.MessageDailyLimit(2, 5, 4), now.ErrorFor("Recipients"));
    }

    [Fact]
    public async Task PreviewAndTest_UseARealRecipientsValues_OrSamples_AndTheTestGoesToMe()
    {
        _services.Caller.UserId = _managerId;
        var filter = Filter(MessageAudience.BuyersAndAttendees);

        var sample = await Messages.PreviewAsync(_sale.EventId, Draft(filter), null);
        var real = await Messages.PreviewAsync(_sale.EventId, Draft(filter), "B@example.test");
        var stranger = await Messages.PreviewAsync(_sale.EventId, Draft(filter), "mallory@example.test");
        var test = await Messages.SendTestAsync(_sale.EventId, Draft(filter));

        Assert.Contains("Hello Ada Lovelace", sample.Value!.Html, StringComparison.Ordinal);
        Assert.Contains("Hello Ben", real.Value!.Html, StringComparison.Ordinal);
        // The organizer sees where the link goes, never the buyer's key (it changes and cancels the order).
        Assert.Contains($"https://tickets.test/order/{AttendeeMessages.PreviewOrderKey}", real.Value.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(_orderB.Order.AccessKey, real.Value.Html, StringComparison.Ordinal);
        Assert.Equal(UserMessages.MessagePreviewRecipientUnknown, stranger.ErrorFor("PreviewRecipient"));
        Assert.Equal("manager@messages.test", test.Value);
        await using var db = await _services.Db.CreateAsync();
        var email = await db.OutboxEmails.SingleAsync(e => e.Kind == AttendeeMessages.TestKind);
        Assert.Equal("manager@messages.test", email.To);
        Assert.StartsWith("[Test] Doors at", email.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await db.AttendeeMessages.CountAsync());
    }

    [Fact]
    public async Task AnAnalyst_ReadsTheLog_ButCannotCountPreviewSendOrCancel()
    {
        _services.Caller.UserId = _managerId;
        var local = EventPlatform.Core.Catalog.EventTime.ToLocalInput(_services.Clock.GetUtcNow().AddDays(1), "Europe/Berlin");
        var scheduled = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), local);
        _services.Caller.UserId = _analystId;
        var draft = Draft(Filter(MessageAudience.Buyers));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Messages.RecipientsAsync(_sale.EventId, draft.Filter));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Messages.PreviewAsync(_sale.EventId, draft, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Messages.SendTestAsync(_sale.EventId, draft));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Messages.ScheduleAsync(_sale.EventId, draft, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Messages.CancelAsync(scheduled.Value));
        var read = await _services.Get<MessageLog>().ForEventAsync(_sale.EventId);
        Assert.False(read.CanSend);
        Assert.False((await _services.Get<MessageLog>().GetAsync(_sale.EventId, scheduled.Value)).CanCancel);
        // The message under another event of the same organization is not found.
        var other = await _services.Db.AddSellableEventAsync(_sale.OrganizationId, "other-night", [10], new SeedTicketType("Seat", 1000, [0]));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<MessageLog>().GetAsync(other.EventId, scheduled.Value));
    }

    [Fact]
    public async Task AScheduledMessage_IsNotSent_WhenItsAuthorWasDemotedMeanwhile()
    {
        _services.Caller.UserId = _managerId;
        var local = EventPlatform.Core.Catalog.EventTime.ToLocalInput(_services.Clock.GetUtcNow().AddHours(1), "Europe/Berlin");
        var scheduled = await Messages.ScheduleAsync(_sale.EventId, Draft(Filter(MessageAudience.Buyers)), local);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OrganizationMembers.Where(m => m.UserId == _managerId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, OrgRole.Analyst));
        }

        _services.Clock.Advance(TimeSpan.FromHours(2));
        await _services.Get<SendDueMessages>().ExecuteAsync();

        await using var after = await _services.Db.CreateAsync();
        var message = await after.AttendeeMessages.SingleAsync(m => m.Id == scheduled.Value);
        Assert.Equal((AttendeeMessageStatus.Refused, UserMessages.MessageAuthorNoLongerAllowed), (message.Status, message.RefusedReason));
        Assert.Equal(0, await after.OutboxEmails.CountAsync(e => e.AttendeeMessageId == message.Id));
    }

    [Fact]
    public async Task AnotherOrganizationsMessagesSessionsAndLogs_AreOutOfReach()
    {
        var otherManager = (await _services.Db.AddUserAsync("manager@elsewhere.test")).Id;
        var staff = (await _services.Db.AddUserAsync("staff@messages.test")).Id;
        var elsewhere = await _services.Db.AddOrganizationAsync("elsewhere-hall", (otherManager, OrgRole.Manager));
        await using (var db = await _services.Db.CreateAsync())
        {
            db.OrganizationMembers.Add(
                new OrganizationMember { OrganizationId = _sale.OrganizationId, UserId = staff, Role = OrgRole.CheckInStaff });
            await db.SaveChangesAsync();
        }

        var theirSale = await _services.Db.AddSellableEventAsync(elsewhere.Id, "elsewhere-night", [10], new SeedTicketType("Seat", 1000, [0]));
        _services.Caller.UserId = null;
        await Purchase.BuyAsync(_services.Provider, theirSale.EventId, new Dictionary<Guid, int> { [theirSale.TypeIds["Seat"]] = 1 },
            CheckoutBuyer.Default with { Email = "theirs@example.test" });
        _services.Caller.UserId = otherManager;
        var local = EventPlatform.Core.Catalog.EventTime.ToLocalInput(_services.Clock.GetUtcNow().AddDays(1), "Europe/Berlin");
        var theirs = await Messages.ScheduleAsync(theirSale.EventId, Draft(Filter(MessageAudience.Buyers)), local);
        Assert.True(theirs.Succeeded);

        _services.Caller.UserId = _managerId;
        // Not a member there: told nothing about it.
        await Assert.ThrowsAsync<NotFoundException>(() => Messages.CancelAsync(theirs.Value));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<MessageLog>().GetAsync(_sale.EventId, theirs.Value));
        var foreignSession = await Messages.ScheduleAsync(_sale.EventId,
            Draft(Filter(MessageAudience.Buyers) with { SessionIds = [theirSale.SessionIds[0]] }), null);
        Assert.Equal(UserMessages.ExportSessionUnknown, foreignSession.ErrorFor("Sessions"));
        var ourLog = await _services.Get<OrganizationEmailLog>().ListAsync(_sale.OrganizationId);
        Assert.DoesNotContain(ourLog.Rows, r => r.To == "theirs@example.test");
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<OrganizationEmailLog>().ListAsync(elsewhere.Id));

        // Check-in staff see neither the messages nor the email log.
        _services.Caller.UserId = staff;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<MessageLog>().ForEventAsync(_sale.EventId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<OrganizationEmailLog>().ListAsync(_sale.OrganizationId));
    }

    [Fact]
    public async Task ADisputedOrder_IsNotWrittenToAsPaid()
    {
        _services.Caller.UserId = _managerId;
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.Orders.Where(o => o.Id == _orderB.Order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DisputeStatus, PaymentDisputeStatus.Open));
        }

        Assert.Equal(1, await CountAsync(Filter(MessageAudience.Buyers)));
    }

    /// <summary>A mail server that takes every email: the delivery log's "sent" is what the test checks.</summary>
    private sealed class AcceptingTransport : IEmailTransport
    {
        public string Name => "accepting";

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
