using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Core.Settings;
using EventPlatform.Data.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.Data.Tests.Ordering;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Tests.Payments;

/// <summary>
/// A payment whose webhook never comes (and whose buyer never comes back) is still confirmed, once,
/// by asking the gateway; and every path that can strand a payment ends in a confirmed order or one
/// refund.
/// </summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _event = default!;

    private Guid Day1 => _event.TypeIds["Day 1"];

    public async Task InitializeAsync()
    {
        // The webhooks are recorded by the simulated gateway but never delivered: only reconciliation can confirm.
        _services = await CoreServices.CreateAsync("reconcile", s =>
            s.Configure<PaymentOptions>(o => o.SimulatedWebhooks = SimulatedWebhookMode.Never));
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        var organization = await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "summer-series", [4], new SeedTicketType("Day 1", 3000, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task APaymentNobodyReported_IsConfirmedByReconciliation_OnceWithOneEmail()
    {
        var (hold, intentId) = await PaidAtTheGatewayOnlyAsync(2);
        Assert.Equal(OrderStatus.Pending, (await _services.OrderAsync(hold.AccessKey)).Status);

        // Too young to ask about: the webhook usually arrives within seconds.
        Assert.Equal(0, (await ReconcileAsync()).Checked);

        _services.Clock.Advance(TimeSpan.FromMinutes(3));
        var round = await ReconcileAsync();
        Assert.Equal((1, 1), (round.Checked, round.Applied));
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Valid, t.Status));

        // Later rounds, and the lost webhook finally delivered, change nothing.
        _services.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, (await ReconcileAsync()).Checked);
        await DeliverQueuedWebhooksAsync();
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.Kind == "order.confirmation"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "order.paid"));
        Assert.False(await db.OrderRefunds.AnyAsync());
        Assert.Equal(intentId, order.PaymentIntentId);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task ALatePaymentFoundByReconciliation_WhenThePlacesAreGone_IsRefundedOnce()
    {
        var (late, intentId) = await PaidAtTheGatewayOnlyAsync(3);
        // The hold runs out before anyone hears of the payment, and others buy the places.
        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        await _services.Get<Core.Ordering.Holds.ReleaseExpiredHolds>().ExecuteAsync();
        var other = await _services.HeldAsync(_event.EventId, (Day1, 4));
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(other.AccessKey)).Value);

        var first = await ReconcileAsync();
        var second = await ReconcileAsync();
        _services.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await ReconcileAsync();

        Assert.Equal(1, first.Applied);
        Assert.Equal(0, second.Checked + third.Checked);
        var order = await _services.OrderAsync(late.AccessKey);
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.True(order.RefundedLatePayment);
        await using var db = await _services.Db.CreateAsync();
        var refund = await db.OrderRefunds.SingleAsync(r => r.PaymentIntentId == intentId);
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        var intent = await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == intentId);
        Assert.Equal(intent.AmountMinor, intent.AmountRefundedMinor);
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.Kind == "order.late_payment_refunded"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task AnExpiredOrdersUnpaidIntent_IsCancelledAtTheGatewayAfterADay_AndNoLongerAskedAbout()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await _services.FillDetailsAsync(hold.AccessKey);
        var start = await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);
        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        await _services.Get<Core.Ordering.Holds.ReleaseExpiredHolds>().ExecuteAsync();

        // Within the day a late payment is still possible, so it stays open.
        Assert.Equal((1, 0), ((await ReconcileAsync()).Checked, (await ReconcileAsync()).Closed));
        _services.Clock.Advance(TimeSpan.FromHours(25));
        var round = await ReconcileAsync();

        Assert.Equal(1, round.Closed);
        var state = await _services.Get<IPaymentGateway>().FetchIntentAsync(start.Value!.IntentId!, default);
        Assert.Equal(PaymentIntentOutcome.Canceled, state.Outcome);
        Assert.NotNull((await _services.OrderAsync(hold.AccessKey)).PaymentClosedAt);
        // A cancelled intent cannot be paid any more.
        var paid = await _services.Get<SimulatedPaymentGateway>()
            .CompleteAsync(state.IntentId, SimulatedCards.Outcome(SimulatedCards.Success), default);
        Assert.Equal(PaymentIntentOutcome.Canceled, paid.Outcome);
        _services.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await ReconcileAsync()).Checked);
    }

    [Fact]
    public async Task RoundsOnSeveralInstancesAtOnce_AskAboutEachPaymentOnce_AndConfirmEachOnce()
    {
        await _services.Get<ISettingsService>().SetAsync(SettingKeys.ReconcilePaymentsAfterMinutes, "0");
        var holds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            holds.Add((await PaidAtTheGatewayOnlyAsync(1)).Hold.AccessKey);
        }

        _services.Clock.Advance(TimeSpan.FromMinutes(1));
        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var scope = _services.Provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReconcilePayments>().ExecuteAsync();
        })));

        Assert.Equal(4, rounds.Sum(r => r.Checked));
        Assert.Equal(4, rounds.Sum(r => r.Applied));
        foreach (var key in holds)
        {
            Assert.Equal(OrderStatus.Paid, (await _services.OrderAsync(key)).Status);
        }

        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(4, await db.OutboxEmails.CountAsync(e => e.Kind == "order.confirmation"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task APaymentForAnOrderThatNoLongerExists_IsRefundedOnce_HoweverOftenItIsReported()
    {
        var gateway = _services.Get<SimulatedPaymentGateway>();
        var missingOrder = Guid.NewGuid();
        var intent = await gateway.CreateIntentAsync(new PaymentIntentRequest(missingOrder, "EP-GONE0001", 3240, "EUR", 240, null,
            "buyer@example.test", "gone", "order-gone-1"), default);
        await gateway.CompleteAsync(intent.IntentId, SimulatedCards.Outcome(SimulatedCards.Success), default);

        var apply = _services.Get<ApplyPaymentEvent>();
        var reports = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            apply.ExecuteAsync(new PaymentNotification(i % 2 == 0 ? $"evt_gone_{i}" : null, "payment_intent.succeeded",
                PaymentNotificationKind.Succeeded, intent.IntentId, missingOrder, 3240))));
        await DeliverQueuedWebhooksAsync();

        Assert.All(reports, r => Assert.Equal(PaymentEventResult.Applied, r));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(3240, (await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == intent.IntentId)).AmountRefundedMinor);
        Assert.Single(await db.SimulatedRefunds.Where(r => r.PaymentIntentId == intent.IntentId).ToListAsync());
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "payment.unmatched_refunded");
    }

    [Fact]
    public async Task ANewTotal_CancelsTheIntentOfTheOldOne_SoItCanNeverBePaid()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await _services.FillDetailsAsync(hold.AccessKey);
        var first = (await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey)).Value!.IntentId!;
        // The buyer changes the email: the intent's parameters change, so a new one is made.
        await _services.FillDetailsAsync(hold.AccessKey, "other@example.test");
        var second = (await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey)).Value!.IntentId!;

        Assert.NotEqual(first, second);
        var gateway = _services.Get<SimulatedPaymentGateway>();
        Assert.Equal(PaymentIntentOutcome.Canceled, (await gateway.FetchIntentAsync(first, default)).Outcome);
        Assert.Equal(PaymentIntentOutcome.Canceled,
            (await gateway.CompleteAsync(first, SimulatedCards.Outcome(SimulatedCards.Success), default)).Outcome);
        Assert.Equal(PaymentIntentOutcome.Succeeded,
            (await gateway.CompleteAsync(second, SimulatedCards.Outcome(SimulatedCards.Success), default)).Outcome);
    }

    [Fact]
    public async Task AGatewayRefundRetriedWithTheSameKey_RefundsOnce()
    {
        var (hold, intentId) = await PaidAtTheGatewayOnlyAsync(1);
        var gateway = _services.Get<SimulatedPaymentGateway>();
        var amount = (await _services.OrderAsync(hold.AccessKey)).TotalMinor;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => gateway.RefundAsync(intentId, amount, "refund-same-key", default)));

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Single(outcomes.Select(o => o.ProviderRefundId).Distinct());
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(amount, (await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == intentId)).AmountRefundedMinor);
    }

    [Fact]
    public async Task TheSimulatedGatewaysWebhooks_AreQueuedWithTheChange_AndRetriedUntilHandled()
    {
        var (hold, intentId) = await PaidAtTheGatewayOnlyAsync(1);
        await using (var db = await _services.Db.CreateAsync())
        {
            var queued = await db.SimulatedWebhookEvents.SingleAsync();
            Assert.Equal("payment_intent.succeeded", queued.Type);
            Assert.Null(queued.DeliveredAt);
            Assert.Contains(intentId, queued.Payload, StringComparison.Ordinal);
        }

        await DeliverQueuedWebhooksAsync();

        Assert.Equal(OrderStatus.Paid, (await _services.OrderAsync(hold.AccessKey)).Status);
        await using var after = await _services.Db.CreateAsync();
        var delivered = await after.SimulatedWebhookEvents.SingleAsync();
        Assert.NotNull(delivered.DeliveredAt);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(nameof(WebhookOutcome.Handled), delivered.LastOutcome);
    }

    /// <summary>Hold, details, intent, and the card accepted at the gateway; then the buyer closes the tab.</summary>
    private async Task<(Core.Ordering.Holds.HoldPlaced Hold, string IntentId)> PaidAtTheGatewayOnlyAsync(int quantity)
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, quantity));
        await _services.FillDetailsAsync(hold.AccessKey);
        var start = await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);
        var intentId = start.Value!.IntentId!;
        var state = await _services.Get<SimulatedPaymentGateway>().CompleteAsync(intentId, SimulatedCards.Outcome(SimulatedCards.Success), default);
        Assert.Equal(PaymentIntentOutcome.Succeeded, state.Outcome);
        return (hold, intentId);
    }

    private async Task<ReconciliationRound> ReconcileAsync()
    {
        await using var scope = _services.Provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReconcilePayments>().ExecuteAsync();
    }

    /// <summary>What the delivery worker does once the gateway's webhooks flow again.</summary>
    private async Task DeliverQueuedWebhooksAsync()
    {
        var options = _services.Get<Microsoft.Extensions.Options.IOptions<PaymentOptions>>().Value;
        options.SimulatedWebhooks = SimulatedWebhookMode.Deliver;
        try
        {
            await _services.Get<SimulatedWebhookDelivery>().DeliverDueAsync(default);
        }
        finally
        {
            options.SimulatedWebhooks = SimulatedWebhookMode.Never;
        }
    }
}
