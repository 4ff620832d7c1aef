using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.Data.Tests.Ordering;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Tests.Payments;

/// <summary>
/// What the gateway reports after a payment — a refund that fails after it was accepted, a refund
/// made in the gateway's dashboard, a dispute — is recorded on the order, counted truthfully, shown
/// to the organizer, acted on at the door, and applied once however often it is reported. Every
/// event goes through the real webhook processor, signed as Stripe signs.
/// </summary>
public sealed class PaymentIssuesTests : IAsyncLifetime
{
    private readonly RecordedEvents _events = new();
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;

    private Guid Standing => _event.TypeIds["Standing"];

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("payment-issues", s => s.AddSingleton<IAfterCommitHandler>(_events));
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        _managerId = manager.Id;
        var organization = await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "issue-night", [10], new SeedTicketType("Standing", 3000, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ARefundThatFailsAfterBeingAccepted_NoLongerCounts_IsListedForTheOrganizer_AndCanBeSentAgainOnce()
    {
        var key = await PaidOrderAsync(2, SimulatedCards.RefundFails);
        Assert.True((await _services.Get<CancelTickets>().ByBuyerAsync(key, [])).Succeeded);

        // The gateway accepted the refund, then reported refund.failed (delivered through the webhook path).
        var order = await _services.OrderAsync(key);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(0, order.RefundedMinor);
        Assert.NotNull(order.AttentionSince);
        Assert.Contains("failed", order.AttentionReason, StringComparison.Ordinal);
        var failed = Assert.Single(await RefundsAsync(order.Id));
        Assert.Equal(RefundStatus.Failed, failed.Status);
        Assert.Equal("the buyer's card has expired or was cancelled.", failed.FailureMessage);
        Assert.Equal(0, (await IntentAsync(order.PaymentIntentId!)).AmountRefundedMinor);

        // The same failure reported again (another event id) changes nothing.
        var again = SimulatedStripeEvents.RefundFailedEvent(await SimulatedRefundAsync(failed.ProviderRefundId!),
            await IntentAsync(order.PaymentIntentId!));
        Assert.Equal(WebhookOutcome.Ignored, await PostAsync(again));
        Assert.Equal(1, await AuditCountAsync("order.refund_failed"));

        // A charge.refunded sent while the refund still looked successful, arriving after the failure:
        // not mistaken for a refund made in the dashboard.
        var stale = await IntentAsync(order.PaymentIntentId!);
        stale.AmountRefundedMinor = order.PaidMinor;
        Assert.Equal(WebhookOutcome.Ignored, await PostAsync(SimulatedStripeEvents.ChargeRefundedEvent(stale)));
        Assert.Single(await RefundsAsync(order.Id));
        Assert.Equal(0, (await _services.OrderAsync(key)).RefundedMinor);

        _services.Caller.UserId = _managerId;
        var attention = _services.Get<PaymentAttention>();
        Assert.Equal(order.Number, Assert.Single(await attention.ListAsync(_event.OrganizationId)).OrderNumber);
        Assert.True(Assert.Single(await attention.RefundsAsync(order.Id)).CanRetry);

        // The buyer's bank sorted the card out: sent again, as a new refund, it goes through.
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.SimulatedPaymentIntents.Where(i => i.Id == order.PaymentIntentId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RefundsFailLater, false));
        }

        // Five clicks at once (two tabs, a double click): one refund is sent.
        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await using var scope = _services.Provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaymentAttention>().RetryRefundAsync(order.Id, failed.Id);
        })));
        var retried = Assert.Single(clicks, c => c.Succeeded);
        Assert.Equal(order.PaidMinor, retried.Value.AmountMinor);
        Assert.All(clicks.Where(c => !c.Succeeded), c => Assert.NotNull(c.ErrorFor(PaymentAttention.Field)));

        order = await _services.OrderAsync(key);
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        Assert.Null(order.AttentionSince);
        Assert.Empty(await attention.ListAsync(_event.OrganizationId));
        var refunds = await RefundsAsync(order.Id);
        Assert.Equal(2, refunds.Count);
        var resent = Assert.Single(refunds, r => r.Status == RefundStatus.Succeeded);
        Assert.Equal(resent.Id, Assert.Single(refunds, r => r.Status == RefundStatus.Failed).RetriedByRefundId);
        Assert.Equal(order.PaidMinor, (await IntentAsync(order.PaymentIntentId!)).AmountRefundedMinor);
        Assert.Equal(1, await AuditCountAsync("order.refund_retried"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task EverythingRefundedInTheDashboard_CancelsTheTickets_ReleasesThePlaces_AndTheDoorRefusesThem()
    {
        var key = await PaidOrderAsync(2);
        var order = await _services.OrderAsync(key);
        var code = order.Tickets[0].Code;

        var refunded = await DashboardRefundAsync(order.PaymentIntentId!, order.PaidMinor);
        Assert.Equal(WebhookOutcome.Handled, await PostAsync(refunded));
        // The same event again, and a later report of the same total: nothing more.
        Assert.Equal(WebhookOutcome.Ignored, await PostAsync(refunded));
        Assert.Equal(WebhookOutcome.Ignored, await PostAsync(SimulatedStripeEvents.ChargeRefundedEvent(await IntentAsync(order.PaymentIntentId!))));

        order = await _services.OrderAsync(key);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Cancelled, t.Status));
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        Assert.NotNull(order.AttentionSince);
        var refund = Assert.Single(await RefundsAsync(order.Id));
        Assert.Equal((RefundStatus.Succeeded, PaymentIssues.RefundedOutsideReason, order.PaidMinor),
            (refund.Status, refund.Reason, refund.AmountMinor));
        await using (var db = await _services.Db.CreateAsync())
        {
            Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.Kind == "order.cancelled"));
        }

        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
        Assert.Equal(CheckInOutcome.Cancelled, (await ScanAsync(code)).Outcome);
        // Announced once, however often it was reported: the money back, and the places back on sale.
        Assert.Equal(new OrderRefunded(_event.EventId, order.Id, _event.OrganizationId, order.PaidMinor, order.Currency),
            Assert.Single(_events.Of<OrderRefunded>()));
        Assert.Equal(2, Assert.Single(_events.Of<CapacityReleased>(), c => c.OrderId == order.Id).ByTicketType[Standing]);
    }

    [Fact]
    public async Task PartRefundedInTheDashboard_KeepsTheTicketsValid_CountsTheRefund_AndLeavesTheRestToTheOrganizer()
    {
        var key = await PaidOrderAsync(2);
        var order = await _services.OrderAsync(key);

        Assert.Equal(WebhookOutcome.Handled, await PostAsync(await DashboardRefundAsync(order.PaymentIntentId!, 1000)));

        order = await _services.OrderAsync(key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Valid, t.Status));
        Assert.Equal(1000, order.RefundedMinor);
        Assert.Contains("still valid", order.AttentionReason, StringComparison.Ordinal);

        // The organizer cancels the ticket it paid for, with nothing more to refund; then resolves the entry.
        _services.Caller.UserId = _managerId;
        var cancelled = await _services.Get<CancelTickets>().ByOrganizerAsync(order.Id, [order.Tickets[0].Id], 0);
        Assert.True(cancelled.Succeeded, string.Join("; ", cancelled.Errors.Select(e => e.Message)));
        await _services.Get<PaymentAttention>().ResolveAsync(order.Id);
        order = await _services.OrderAsync(key);
        Assert.Null(order.AttentionSince);
        Assert.Equal(1000, order.RefundedMinor);
        Assert.Single(await RefundsAsync(order.Id));
        Assert.Equal(1, await AuditCountAsync("order.attention_resolved"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task ADisputedPayment_IsRefusedAtTheDoor_UntilTheDisputeIsWon_AndStaysRefusedWhenLost()
    {
        var wonKey = await PaidOrderAsync(1, SimulatedCards.Disputed);
        var lostKey = await PaidOrderAsync(1, SimulatedCards.Disputed);
        // The bank's dispute comes after the payment, from the gateway's webhook queue.
        await _services.Get<SimulatedWebhookDelivery>().DeliverDueAsync(default);

        var won = await _services.OrderAsync(wonKey);
        var lost = await _services.OrderAsync(lostKey);
        Assert.Equal((PaymentDisputeStatus.Open, "fraudulent", won.PaidMinor), (won.DisputeStatus, won.DisputeReason, won.DisputedMinor));
        Assert.Equal(OrderStatus.Paid, won.Status);
        Assert.Equal(CheckInOutcome.PaymentDisputed, (await ScanAsync(won.Tickets[0].Code)).Outcome);
        Assert.Equal(CheckInOutcome.PaymentDisputed, (await ScanAsync(lost.Tickets[0].Code)).Outcome);
        _services.Caller.UserId = _managerId;
        Assert.Equal(2, (await _services.Get<PaymentAttention>().ListAsync(_event.OrganizationId)).Count);
        _services.Caller.UserId = null;

        // The dispute reported twice is one dispute.
        var created = SimulatedStripeEvents.DisputeEvent("charge.dispute.created", await IntentAsync(won.PaymentIntentId!));
        Assert.Equal(WebhookOutcome.Ignored, await PostAsync(created));
        Assert.Equal(2, await AuditCountAsync("order.payment_disputed"));

        Assert.Equal(WebhookOutcome.Handled,
            await PostAsync(SimulatedStripeEvents.DisputeEvent("charge.dispute.closed", await IntentAsync(won.PaymentIntentId!), status: "won")));
        Assert.Equal(WebhookOutcome.Handled,
            await PostAsync(SimulatedStripeEvents.DisputeEvent("charge.dispute.closed", await IntentAsync(lost.PaymentIntentId!), status: "lost")));

        won = await _services.OrderAsync(wonKey);
        lost = await _services.OrderAsync(lostKey);
        Assert.Equal(PaymentDisputeStatus.Won, won.DisputeStatus);
        Assert.Null(won.AttentionSince);
        Assert.Equal(CheckInOutcome.CheckedIn, (await ScanAsync(won.Tickets[0].Code)).Outcome);
        Assert.Equal(PaymentDisputeStatus.Lost, lost.DisputeStatus);
        Assert.StartsWith("Dispute lost", lost.AttentionReason, StringComparison.Ordinal);
        Assert.Equal(CheckInOutcome.PaymentDisputed, (await ScanAsync(lost.Tickets[0].Code)).Outcome);
    }

    private async Task<string> PaidOrderAsync(int quantity, string card = SimulatedCards.Success)
    {
        var hold = await _services.HeldAsync(_event.EventId, (Standing, quantity));
        var paid = await _services.PayAsync(hold.AccessKey, card);
        Assert.Equal(OrderStatus.Paid, paid.Value);
        return hold.AccessKey;
    }

    /// <summary>What Stripe's side does when someone refunds in its dashboard: the charge's refunded total grows, and it says so.</summary>
    private async Task<string> DashboardRefundAsync(string intentId, long amountMinor)
    {
        await using var db = await _services.Db.CreateAsync();
        await db.SimulatedPaymentIntents.Where(i => i.Id == intentId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AmountRefundedMinor, i => i.AmountRefundedMinor + amountMinor));
        return SimulatedStripeEvents.ChargeRefundedEvent(await IntentAsync(intentId));
    }

    private Task<WebhookOutcome> PostAsync(string payload) =>
        _services.Get<StripeWebhookProcessor>()
            .ProcessAsync(payload, SimulatedStripeEvents.Sign(payload, CoreServices.WebhookSecret, DateTimeOffset.UtcNow), default);

    private async Task<CheckInResult> ScanAsync(string code)
    {
        var previous = _services.Caller.UserId;
        _services.Caller.UserId = _managerId;
        var kiosk = (await _services.Get<CreateKiosk>().ExecuteAsync(_event.EventId, "Door", 8, null)).Value!;
        _services.Caller.UserId = previous;
        var station = (await _services.Get<CheckInStations>().ForKioskAsync(kiosk.Token, "door-tablet-000000000000"))!;
        return await _services.Get<CheckInTicket>().ExecuteAsync(station, code, _event.SessionIds[0]);
    }

    private async Task<List<OrderRefund>> RefundsAsync(Guid orderId)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.OrderRefunds.AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync();
    }

    private async Task<SimulatedPaymentIntent> IntentAsync(string intentId)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.SimulatedPaymentIntents.AsNoTracking().SingleAsync(i => i.Id == intentId);
    }

    private async Task<SimulatedRefund> SimulatedRefundAsync(string refundId)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.SimulatedRefunds.AsNoTracking().SingleAsync(r => r.Id == refundId);
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.AuditEntries.CountAsync(a => a.Action == action);
    }
}
