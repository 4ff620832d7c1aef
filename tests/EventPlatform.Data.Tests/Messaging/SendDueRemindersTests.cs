using EventPlatform.Core.Catalog;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Tests.Messaging;

/// <summary>
/// Reminders on the real database: due ones are queued once per attendee address with the session's values,
/// whatever the number of passes (one after another or at once); stale, early, disabled ones and people
/// without a paid ticket get nothing.
/// </summary>
public sealed class SendDueRemindersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset S1Start = OrderingTestData.FirstSessionStart;
    private static readonly DateTimeOffset S2Start = OrderingTestData.FirstSessionStart.AddDays(1);
    private static readonly DateTimeOffset PaidLongAgo = OrderingTestData.FirstSessionStart.AddMonths(-1);

    private CoreServices _services = default!;
    private Guid _organizationId;
    private Guid _managerId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("reminders");
        _managerId = (await _services.Db.AddUserAsync("manager@reminders.test")).Id;
        _organizationId = (await _services.Db.AddOrganizationAsync("reminder-hall", (_managerId, OrgRole.Manager))).Id;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SendDueReminders Pass => _services.Get<SendDueReminders>();

    /// <summary>Two sessions (S1 "Day 1", S2 "Day 2", a day apart), a ticket type for each and one for both.</summary>
    private Task<SellableEvent> AddEventAsync(string slug) =>
        _services.Db.AddSellableEventAsync(_organizationId, slug, [100, 100],
            new SeedTicketType("Day 1", 500, [0]), new SeedTicketType("Day 2", 500, [1]), new SeedTicketType("Both", 900, [0, 1]));

    private async Task<List<OutboxEmail>> RemindersAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.OutboxEmails.AsNoTracking().Where(e => e.Kind == SendDueReminders.Kind).OrderBy(e => e.To).ToListAsync();
    }

    [Fact]
    public async Task ADueReminder_GoesOncePerAttendeeAddress_WithItsSessionsValues_AndTheOrderLinkOnlyToTheBuyer()
    {
        var sale = await AddEventAsync("values");
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -24 * 60);
        // Bob bought two Day 1 tickets: one for Ann (her own address, typed in capitals), one without an address (reached through Bob).
        var bobs = await _services.Db.AddOrderAsync(sale, "bob@example.test", "Bob", PaidLongAgo, OrderStatus.Paid,
            new SeedTicket("Day 1", "Ann", "ANN@example.test"), new SeedTicket("Day 1", "Guest of Bob", null));
        await _services.Db.AddOrderAsync(sale, "carol@example.test", "Carol", PaidLongAgo, OrderStatus.Paid, new SeedTicket("Day 2", "Carol", null));
        // The organization's reminder links to the order (the default links to the event's page).
        var wording = EmailTemplateDefaults.For(EmailTemplateKind.Reminder);
        await using (var db = await _services.Db.CreateAsync())
        {
            db.EmailTemplates.Add(new EmailTemplate { Id = Guid.CreateVersion7(), OrganizationId = _organizationId, Kind = EmailTemplateKind.Reminder,
                Subject = wording.Subject, Heading = wording.Heading, Body = wording.Body + "\n\n[Your order]({order_url})" });
            await db.SaveChangesAsync();
        }

        // 23 hours before S1: its reminder is due, S2's (24 hours before S2 = S1's start) is not yet.
        _services.Clock.SetUtcNow(S1Start.AddHours(-23));
        Assert.Equal(2, await Pass.ExecuteAsync());

        var emails = await RemindersAsync();
        Assert.Equal(["ANN@example.test", "bob@example.test"], emails.Select(e => e.To));
        Assert.All(emails, e => Assert.Equal(_organizationId, e.OrganizationId));
        Assert.All(emails, e => Assert.Null(e.AttendeeMessageId));
        Assert.All(emails, e => Assert.Equal("Reminder: Sale values, Mon 1 Mar 2027, 19:00 (Europe/Berlin)", e.Subject));
        var ann = emails[0];
        var bob = emails[1];
        Assert.Contains("Hello Ann,", ann.TextBody, StringComparison.Ordinal);
        Assert.Contains("Day 1", ann.TextBody, StringComparison.Ordinal);
        Assert.Contains("Riverside Hall, 1 River Road, Berlin", ann.TextBody, StringComparison.Ordinal);
        // Ann did not buy: she gets the event's page, never the link that changes Bob's order.
        Assert.DoesNotContain(bobs.AccessKey, ann.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://tickets.test/e/values", ann.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello Bob,", bob.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://tickets.test/order/{bobs.AccessKey}", bob.HtmlBody, StringComparison.Ordinal);

        await using (var db = await _services.Db.CreateAsync())
        {
            var deliveries = await db.ReminderDeliveries.AsNoTracking().OrderBy(d => d.Email).ToListAsync();
            Assert.Equal(["ann@example.test", "bob@example.test"], deliveries.Select(d => d.Email));
            Assert.All(deliveries, d => Assert.Equal(sale.SessionIds[0], d.SessionId));
            Assert.Equal(emails.Select(e => e.Id).Order(), deliveries.Select(d => d.OutboxEmailId).Order());
        }

        // The next minute's pass, and another one later the same day, send nothing more.
        _services.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Pass.ExecuteAsync());
        _services.Clock.SetUtcNow(S1Start.AddHours(-1));
        Assert.Equal(0, await Pass.ExecuteAsync());

        // An hour before S2: its reminder goes to Carol, with S2's values; S1's is over (S1 has started).
        _services.Clock.SetUtcNow(S2Start.AddHours(-1));
        Assert.Equal(1, await Pass.ExecuteAsync());
        var carol = Assert.Single(await RemindersAsync(), e => e.To == "carol@example.test");
        Assert.Equal("Reminder: Sale values, Tue 2 Mar 2027, 19:00 (Europe/Berlin)", carol.Subject);
        Assert.Contains("**Day 2**", carol.TextBody, StringComparison.Ordinal);
        Assert.Equal(3, (await RemindersAsync()).Count);
    }

    [Fact]
    public async Task TwoPassesAtOnce_QueueEachReminderExactlyOnce()
    {
        var sale = await AddEventAsync("race");
        // Three rules due at once, 40 addresses each (one order of two tickets per address pair): 120 reminders to race for.
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -24 * 60);
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.OneSession, ReminderAnchor.Start, -12 * 60, sale.SessionIds[0]);
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.WholeEvent, ReminderAnchor.Start, -6 * 60);
        for (var i = 0; i < 20; i++)
        {
            await _services.Db.AddOrderAsync(sale, $"buyer{i:00}@example.test", $"Buyer {i}", PaidLongAgo, OrderStatus.Paid,
                new SeedTicket("Both", $"Buyer {i}", null), new SeedTicket("Day 1", $"Friend {i}", $"friend{i:00}@example.test"));
        }

        _services.Clock.SetUtcNow(S1Start.AddHours(-5));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Two workers, as on two instances: each pass with its own instance and its own database contexts.
        var passes = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = _services.Provider.CreateAsyncScope();
            var pass = scope.ServiceProvider.GetRequiredService<SendDueReminders>();
            await start.Task;
            return await pass.ExecuteAsync();
        })).ToList();
        start.SetResult();
        var queued = await Task.WhenAll(passes);

        Assert.Equal(120, queued.Sum());
        await using var db = await _services.Db.CreateAsync();
        var perKey = await (
                from d in db.ReminderDeliveries
                join e in db.OutboxEmails on d.OutboxEmailId equals e.Id
                group e by new { d.RuleId, d.SessionId, d.Email } into g
                select g.Count())
            .ToListAsync();
        Assert.Equal(120, perKey.Count);
        Assert.All(perKey, n => Assert.Equal(1, n));
        Assert.Equal(120, await db.OutboxEmails.CountAsync(e => e.Kind == SendDueReminders.Kind));
        Assert.Equal(0, await Pass.ExecuteAsync());
    }

    [Fact]
    public async Task TheDeliveryKey_MakesARacingTransactionWait_ThenRecordNothing()
    {
        var sale = await AddEventAsync("key");
        var rule = await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -60);
        ReminderDelivery Delivery() => new()
        {
            Id = Guid.CreateVersion7(), RuleId = rule.Id, SessionId = sale.SessionIds[0], Email = "ann@example.test",
            OutboxEmailId = Guid.CreateVersion7(), CreatedAt = S1Start,
        };

        await using var first = await _services.Db.CreateAsync();
        await using var second = await _services.Db.CreateAsync();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        Assert.Equal(["ann@example.test"], await first.Atomic.TryRecordReminderDeliveriesAsync([Delivery()], default));

        // The second pass reads no delivery yet (the first has not committed), tries the same key, and waits for the first.
        var racing = second.Atomic.TryRecordReminderDeliveriesAsync([Delivery()], default);
        await Task.Delay(300);
        Assert.False(racing.IsCompleted);
        await firstTransaction.CommitAsync();

        Assert.Empty(await racing);
        await secondTransaction.CommitAsync();
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(1, await db.ReminderDeliveries.CountAsync());
    }

    [Fact]
    public async Task EarlyStaleDisabledOrUnpublished_SendNothing()
    {
        var sale = await AddEventAsync("nothing");
        var s1End = S1Start.AddHours(3);
        var s1 = sale.SessionIds[0];
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.OneSession, ReminderAnchor.Start, -24 * 60, s1);
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.OneSession, ReminderAnchor.Start, 0, s1);
        var hourAfter = await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.OneSession, ReminderAnchor.End, 60, s1);
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -60, enabled: false);
        await _services.Db.AddOrderAsync(sale, "bob@example.test", "Bob", PaidLongAgo, OrderStatus.Paid, new SeedTicket("Day 1", "Bob", null));

        // A minute before the first of them is due.
        _services.Clock.SetUtcNow(S1Start.AddHours(-24).AddMinutes(-1));
        Assert.Equal(0, await Pass.ExecuteAsync());
        // An hour after S1's end two are due (at its start, an hour after its end), but not for a cancelled or draft event.
        _services.Clock.SetUtcNow(s1End.AddHours(1).AddMinutes(1));
        foreach (var status in new[] { EventStatus.Cancelled, EventStatus.Draft })
        {
            await SetStatusAsync(sale.EventId, status);
            Assert.Equal(0, await Pass.ExecuteAsync());
        }

        // Published again, a day and a minute after S1's start: the day-before reminder is stale since S1 started, the one at its start
        // since it is more than a day late, the disabled one sends nothing; only the hour-after one, due 20 hours ago, still goes.
        await SetStatusAsync(sale.EventId, EventStatus.Published);
        _services.Clock.SetUtcNow(S1Start + ReminderSchedule.LateWindow + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Pass.ExecuteAsync());
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(hourAfter.Id, (await db.ReminderDeliveries.SingleAsync()).RuleId);
    }

    [Fact]
    public async Task CancelledTickets_UnpaidOrders_AndOrdersPaidAfterTheDueTime_GetNoReminder()
    {
        var sale = await AddEventAsync("paid-only");
        await _services.Db.AddRuleAsync(sale.EventId, ReminderScope.EachSession, ReminderAnchor.Start, -24 * 60);
        var due = S1Start.AddHours(-24);
        await _services.Db.AddOrderAsync(sale, "paid@example.test", "Paid", PaidLongAgo, OrderStatus.Paid,
            new SeedTicket("Day 1", "Paid", null), new SeedTicket("Day 1", "Cancelled one", "gone@example.test", TicketStatus.Cancelled));
        await _services.Db.AddOrderAsync(sale, "cancelled@example.test", "Cancelled", PaidLongAgo, OrderStatus.Cancelled,
            new SeedTicket("Day 1", "Cancelled", null, TicketStatus.Cancelled));
        await _services.Db.AddOrderAsync(sale, "pending@example.test", "Pending", null, OrderStatus.Pending,
            new SeedTicket("Day 1", "Pending", null, TicketStatus.Reserved));
        // Paid an hour after the reminder was due: its confirmation has just told them everything.
        await _services.Db.AddOrderAsync(sale, "late@example.test", "Late", due.AddHours(1), OrderStatus.Paid, new SeedTicket("Day 1", "Late", null));

        _services.Clock.SetUtcNow(due.AddHours(2));
        Assert.Equal(1, await Pass.ExecuteAsync());
        Assert.Equal(["paid@example.test"], (await RemindersAsync()).Select(e => e.To));
    }

    [Fact]
    public async Task AWholeEventReminder_TwoHoursAfterTheEnd_GoesToEveryTicketHolderOnce_AfterTheEventCompleted()
    {
        var sale = await AddEventAsync("after");
        _services.Caller.UserId = _managerId;
        var added = await _services.Get<EventReminders>().AddAsync(sale.EventId,
            new ReminderRuleInput(2, ReminderUnit.Hours, ReminderDirection.After, ReminderAnchor.End, ReminderScope.WholeEvent, sale.SessionIds[0]));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        var rule = Assert.Single((await _services.Get<EventReminders>().ListAsync(sale.EventId)).Rules, r => r.Id == added.Value);
        Assert.Equal("2 hours after the event ends", rule.Description);
        await _services.Db.AddOrderAsync(sale, "ann@example.test", "Ann", PaidLongAgo, OrderStatus.Paid, new SeedTicket("Day 1", "Ann", null));
        await _services.Db.AddOrderAsync(sale, "bob@example.test", "Bob", PaidLongAgo, OrderStatus.Paid,
            new SeedTicket("Both", "Bob", null), new SeedTicket("Day 2", "Ben", "ben@example.test"));

        var lastEnd = S2Start.AddHours(3);
        _services.Clock.SetUtcNow(lastEnd.AddHours(2).AddMinutes(-1));
        Assert.Equal(0, await Pass.ExecuteAsync());
        // The life-cycle worker completes the event when its last session ends; "after the event" reminders go then.
        await SetStatusAsync(sale.EventId, EventStatus.Completed);
        _services.Clock.SetUtcNow(lastEnd.AddHours(2).AddMinutes(1));
        Assert.Equal(3, await Pass.ExecuteAsync());
        Assert.Equal(0, await Pass.ExecuteAsync());

        Assert.Equal(["ann@example.test", "ben@example.test", "bob@example.test"], (await RemindersAsync()).Select(e => e.To));
        await using var db = await _services.Db.CreateAsync();
        // Keyed on the event's last session; the rule was stored without the session sent along (only one-session rules have one).
        Assert.All(await db.ReminderDeliveries.ToListAsync(), d => Assert.Equal(sale.SessionIds[1], d.SessionId));
        Assert.Null((await db.ReminderRules.SingleAsync(r => r.Id == added.Value)).SessionId);
        Assert.Equal(3, (await _services.Get<EventReminders>().ListAsync(sale.EventId)).Rules.Single(r => r.Id == added.Value).Sent);
    }

    private async Task SetStatusAsync(Guid eventId, EventStatus status)
    {
        await using var db = await _services.Db.CreateAsync();
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status));
    }
}
