using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.Core.Organizations;
using EventPlatform.Data.Tests.Ordering;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Notifications;

/// <summary>
/// An order email the outbox gave up on (two days of tries; the give-up itself is tested against a
/// stopped SMTP server in OutboxDeliveryTests) is shown to the order's organizers, on the "needs
/// attention" list and on the order, and a Manager sends it again, once however often clicked.
/// </summary>
public sealed class FailedOrderEmailsTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;
    private Guid _analystId;

    private Guid Standing => _event.TypeIds["Standing"];

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("failed-order-emails");
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        var analyst = await _services.Db.AddUserAsync("analyst@riverside.test");
        _managerId = manager.Id;
        _analystId = analyst.Id;
        var organization = await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager), (analyst.Id, OrgRole.Analyst));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "mail-night", [10], new SeedTicketType("Standing", 3000, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AFailedConfirmation_IsListedForTheOrganizers_AndSentAgainOnce_ByAManager()
    {
        var order = await PaidOrderAsync();
        var confirmation = await SingleEmailAsync(order.Id);
        Assert.Equal(OrderEmails.ConfirmationKind, confirmation.Kind);
        await GiveUpAsync(confirmation.Id, "550 5.1.1 mailbox unavailable");

        // Analysts see it, on the organization's list and on the order.
        _services.Caller.UserId = _analystId;
        var delivery = _services.Get<OrderEmailDelivery>();
        var listed = Assert.Single(await delivery.FailedAsync(_event.OrganizationId));
        Assert.Equal(order.Id, listed.OrderId);
        Assert.Equal(order.Number, listed.OrderNumber);
        Assert.Contains("550 5.1.1 mailbox unavailable", listed.Reason, StringComparison.Ordinal);
        var row = Assert.Single(await delivery.ForOrderAsync(order.Id));
        Assert.Equal(OutboxEmailStatus.Failed, row.Status);
        Assert.True(row.NeedsSending);
        // ...but may not send it again.
        await Assert.ThrowsAsync<AccessDeniedException>(() => delivery.SendAgainAsync(order.Id, confirmation.Id));

        // Five Managers' clicks at once put it back into the outbox once.
        _services.Caller.UserId = _managerId;
        var clicks = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => _services.Get<OrderEmailDelivery>().SendAgainAsync(order.Id, confirmation.Id)));
        Assert.Equal(1, clicks.Count(queued => queued));
        var requeued = await SingleEmailAsync(order.Id);
        Assert.Equal(OutboxEmailStatus.Pending, requeued.Status);
        Assert.Equal(_services.Clock.GetUtcNow(), requeued.NextAttemptAt);
        Assert.Empty(await delivery.FailedAsync(_event.OrganizationId));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "order.email_retried" && a.TargetId == order.Id.ToString()));
    }

    [Fact]
    public async Task AFailedEmail_LeavesTheList_OnceALaterCopyReachedTheBuyer()
    {
        var order = await PaidOrderAsync();
        var first = await SingleEmailAsync(order.Id);
        await GiveUpAsync(first.Id, "connection refused");

        // The organizer resends the confirmation (after the buyer's server is fixed); it is delivered.
        _services.Caller.UserId = _managerId;
        await _services.Get<ResendTickets>().ByOrganizerAsync(order.Id);
        await using (var db = await _services.Db.CreateAsync())
        {
            var resent = await db.OutboxEmails.SingleAsync(e => e.OrderId == order.Id && e.Id != first.Id);
            Assert.Equal(OutboxEmailStatus.Pending, resent.Status);
            await db.OutboxEmails.Where(e => e.Id == resent.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent)
                    .SetProperty(e => e.SentAt, _services.Clock.GetUtcNow()));
        }

        var delivery = _services.Get<OrderEmailDelivery>();
        Assert.Empty(await delivery.FailedAsync(_event.OrganizationId));
        var rows = await delivery.ForOrderAsync(order.Id);
        Assert.Equal([OutboxEmailStatus.Failed, OutboxEmailStatus.Sent], rows.Select(r => r.Status));
        Assert.False(rows[0].NeedsSending);
    }

    [Fact]
    public async Task SendAgain_RefusesAnotherOrdersEmail_AndAnotherOrganization()
    {
        var order = await PaidOrderAsync();
        var other = await PaidOrderAsync();
        var otherEmail = await SingleEmailAsync(other.Id);
        await GiveUpAsync(otherEmail.Id, "connection refused");

        // The id of another order's email, through this order: nothing changes.
        _services.Caller.UserId = _managerId;
        Assert.False(await _services.Get<OrderEmailDelivery>().SendAgainAsync(order.Id, otherEmail.Id));
        Assert.Equal(OutboxEmailStatus.Failed, (await SingleEmailAsync(other.Id)).Status);

        // A manager of another organization sees nothing and sends nothing.
        var stranger = await _services.Db.AddUserAsync("stranger@elsewhere.test");
        await _services.Db.AddOrganizationAsync("elsewhere", (stranger.Id, OrgRole.Owner));
        _services.Caller.UserId = stranger.Id;
        var delivery = _services.Get<OrderEmailDelivery>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => delivery.FailedAsync(_event.OrganizationId));
        // Another organization's order is "not found" to them, as every foreign id is.
        await Assert.ThrowsAsync<NotFoundException>(() => delivery.ForOrderAsync(other.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => delivery.SendAgainAsync(other.Id, otherEmail.Id));
        Assert.Equal(OutboxEmailStatus.Failed, (await SingleEmailAsync(other.Id)).Status);
    }

    private async Task<Order> PaidOrderAsync()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Standing, 1));
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(hold.AccessKey)).Value);
        return await _services.OrderAsync(hold.AccessKey);
    }

    private async Task<OutboxEmail> SingleEmailAsync(Guid orderId)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.OrderId == orderId);
    }

    /// <summary>What the outbox does after two days of failed tries (see <see cref="RetryPolicy"/>).</summary>
    private async Task GiveUpAsync(Guid emailId, string lastError)
    {
        await using var db = await _services.Db.CreateAsync();
        await db.OutboxEmails.Where(e => e.Id == emailId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Failed).SetProperty(e => e.Attempts, 55)
                .SetProperty(e => e.LastError, lastError));
    }
}
