using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>Buying end to end through the real use cases, database and simulated gateway.</summary>
public sealed class CheckoutFlowTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;

    private Guid Full => _event.TypeIds["Full series"];
    private Guid Day1 => _event.TypeIds["Day 1"];

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("checkout");
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        _managerId = manager.Id;
        var organization = await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "summer-series", [10, 10],
            new SeedTicketType("Full series", 5000, [0, 1]),
            new SeedTicketType("Day 1", 3000, [0]),
            new SeedTicketType("Free day", 0, [1]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Paying_ConfirmsOnce_IssuesValidTickets_AndQueuesOneEmailWithQrCodesAndCalendar()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Full, 2));
        var paid = await _services.PayAsync(hold.AccessKey);

        Assert.True(paid.Succeeded);
        Assert.Equal(OrderStatus.Paid, paid.Value);
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Valid, t.Status));
        // 2 × €50 + 8 % platform fee passed to the buyer.
        Assert.Equal(10000, order.SubtotalMinor);
        Assert.Equal(800, order.FeeMinor);
        Assert.Equal(10800, order.TotalMinor);
        Assert.Equal(10800, order.PaidMinor);
        Assert.Equal(order.TotalMinor, order.Tickets.Sum(t => t.PaidMinor));
        Assert.All(order.Tickets, t => Assert.True(t.Code.Length >= 43, "ticket codes carry at least 128 bits"));

        // Pay pressed again, the return page, the webhook again: nothing changes.
        Assert.Equal(OrderStatus.Paid, (await _services.PayByCardAsync(hold.AccessKey)).Value);
        Assert.Equal(OrderStatus.Paid, await _services.Get<ConfirmReturnedPayment>().ExecuteAsync(hold.AccessKey));

        await using var db = await _services.Db.CreateAsync();
        var emails = await db.OutboxEmails.Where(e => e.Kind == "order.confirmation").ToListAsync();
        var email = Assert.Single(emails);
        Assert.Equal("buyer@example.test", email.To);
        // Queued without its body, built by the outbox worker when it sends it (out of the confirming transaction).
        Assert.True(email.RenderAtSend);
        Assert.Empty(await db.OutboxEmailAttachments.Where(a => a.OutboxEmailId == email.Id).ToListAsync());
        var message = (await _services.Get<OrderConfirmation>().RenderAsync(db, email, _services.Clock.GetUtcNow(), default))!;
        Assert.Equal("buyer@example.test", message.To);
        Assert.Equal($"Your tickets for Sale summer-series ({order.Number})", message.Subject);
        Assert.Equal(2, message.Attachments.Count(a => a.ContentType == "image/png" && a.ContentId != null));
        Assert.Single(message.Attachments, a => a.ContentType == "text/calendar");
        Assert.Contains("cid:", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://tickets.test/order/" + hold.AccessKey, message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "order.paid" && a.TargetId == order.Id.ToString()));
        // The confirmation came through the signed webhook path, recorded once.
        Assert.Equal(1,
            await db.ProcessedPaymentEvents.CountAsync(e => e.Type == "payment_intent.succeeded" && e.PaymentIntentId == order.PaymentIntentId));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task DeclinedCard_ShowsTheReason_LeavesTheOrderPending_AndARetrySucceeds()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        var declined = await _services.PayAsync(hold.AccessKey, SimulatedCards.InsufficientFunds);
        Assert.Equal("Your card has insufficient funds.", declined.ErrorFor(SimulatedCheckout.CardField));
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal("Your card has insufficient funds.", order.PaymentFailureMessage);

        var retry = await _services.Get<SimulatedCheckout>()
            .PayAsync(hold.AccessKey, new SimulatedCard("4242 4242 4242 4242", "12/30", "123"), default);
        Assert.Equal(OrderStatus.Paid, retry.Value);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task BadCardInput_GetsFieldMessages_AndChangesNothing()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await _services.FillDetailsAsync(hold.AccessKey);
        await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);
        var result = await _services.Get<SimulatedCheckout>().PayAsync(hold.AccessKey, new SimulatedCard("1234", "13/20", "x"), default);
        Assert.Equal(UserMessages.CardNumberInvalid, result.ErrorFor(nameof(SimulatedCard.Number)));
        Assert.Equal(UserMessages.CardExpiryInvalid, result.ErrorFor(nameof(SimulatedCard.Expiry)));
        Assert.Equal(UserMessages.CardCvcInvalid, result.ErrorFor(nameof(SimulatedCard.Cvc)));
        Assert.Equal(OrderStatus.Pending, (await _services.OrderAsync(hold.AccessKey)).Status);
    }

    [Fact]
    public async Task FreeOrder_ConfirmsWithoutPayment()
    {
        var hold = await _services.HeldAsync(_event.EventId, (_event.TypeIds["Free day"], 2));
        await _services.FillDetailsAsync(hold.AccessKey);
        var start = await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);
        Assert.True(start.Value!.Confirmed);
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(0, order.TotalMinor);
        Assert.Equal(0, order.FeeMinor);
    }

    [Fact]
    public async Task CheckoutDetails_AreValidatedPerField_AndRequiredQuestionsEnforced()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.EventQuestions.Where(q => q.EventId == _event.EventId && q.SortOrder == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRequired, true));
        }

        _services.Get<CatalogCache>().InvalidateFromElsewhere(); // changed with SQL, not through the use cases
        var view = await _services.Get<GetOrder>().ByKeyAsync(hold.AccessKey);
        var ticket = view.Tickets.Single();
        var required = view.Questions.Single(q => q.IsRequired);
        var result = await _services.Get<SaveCheckoutDetails>().ExecuteAsync(hold.AccessKey,
            new CheckoutDetails("not-an-email", null, [new AttendeeDetails(ticket.Id, " ", "bad@", new Dictionary<string, string?>())]));
        Assert.Equal(UserMessages.BuyerEmailInvalid, result.ErrorFor("BuyerEmail"));
        Assert.Equal(UserMessages.AttendeeNameRequired, result.ErrorFor($"{ticket.Id}.Name"));
        Assert.Equal(UserMessages.AttendeeEmailInvalid, result.ErrorFor($"{ticket.Id}.Email"));
        Assert.Equal(UserMessages.AnswerRequired, result.ErrorFor($"{ticket.Id}.{required.Id}"));
        Assert.False((await _services.OrderAsync(hold.AccessKey)).DetailsCompleted);
        Assert.Equal(UserMessages.DetailsIncomplete, (await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey)).ErrorFor("Payment"));
    }

    [Fact]
    public async Task ContinueToPayment_StopsAtTheDetailsErrors_ThenStartsOnePaymentForValidDetails()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        var ticket = (await _services.Get<GetOrder>().ByKeyAsync(hold.AccessKey)).Tickets.Single();
        var continueToPayment = _services.Get<ContinueToPayment>();

        var refused = await continueToPayment.ExecuteAsync(hold.AccessKey,
            new CheckoutDetails("not-an-email", null, [new AttendeeDetails(ticket.Id, "Ada", null, new Dictionary<string, string?>())]));
        Assert.Equal(UserMessages.BuyerEmailInvalid, refused.ErrorFor("BuyerEmail"));
        Assert.Null((await _services.OrderAsync(hold.AccessKey)).PaymentIntentId);

        var details = new CheckoutDetails("ada@example.test", null, [new AttendeeDetails(ticket.Id, "Ada", null, new Dictionary<string, string?>())]);
        var started = await continueToPayment.ExecuteAsync(hold.AccessKey, details);
        Assert.True(started.Succeeded);
        Assert.False(started.Value!.Confirmed);
        Assert.NotNull(started.Value.ClientSecret);
        // Pressed again (a double click, Back): the same intent, never a second charge.
        Assert.Equal(started.Value.IntentId, (await continueToPayment.ExecuteAsync(hold.AccessKey, details)).Value!.IntentId);
        Assert.Equal(started.Value.IntentId, (await _services.OrderAsync(hold.AccessKey)).PaymentIntentId);
    }

    [Fact]
    public async Task Hold_IsAllOrNothing_AndExpiredHoldsStopCountingAtOnce()
    {
        var first = await _services.HeldAsync(_event.EventId, (Full, 8));
        // 2 places left in each session: 3 of Day 1 do not fit, and nothing is held for the failed attempt.
        var refused = await _services.HoldAsync(_event.EventId, (Day1, 3), (Full, 1));
        Assert.False(refused.Succeeded);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);

        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        // The worker has not run, yet the public page already counts the places as free...
        var page = await _services.Get<Core.Catalog.Browsing.GetPublicEvent>().ExecuteAsync("summer-series");
        Assert.Equal(10, page.Sessions[0].Remaining);
        // ...and a new hold gets them, releasing the expired hold on the way.
        await _services.HeldAsync(_event.EventId, (Day1, 10));
        Assert.Equal(OrderStatus.Expired, (await _services.OrderAsync(first.AccessKey)).Status);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task ANewSelection_ReleasesTheBuyersPreviousPendingOrder()
    {
        var buyer = await _services.Db.AddUserAsync("returning@example.test");
        _services.Caller.UserId = buyer.Id;
        var first = await _services.HeldAsync(_event.EventId, (Full, 3));
        var second = await _services.HeldAsync(_event.EventId, (Day1, 1));
        Assert.Equal(OrderStatus.Expired, (await _services.OrderAsync(first.AccessKey)).Status);
        Assert.Equal(OrderStatus.Pending, (await _services.OrderAsync(second.AccessKey)).Status);
        Assert.Equal("returning@example.test", (await _services.OrderAsync(second.AccessKey)).BuyerEmail);

        // Guests are recognised by the key the browser kept.
        _services.Caller.UserId = null;
        var guest = await _services.HeldAsync(_event.EventId, (Day1, 1));
        var replaced = await _services.Get<PlaceHold>()
            .ExecuteAsync(new HoldRequest(_event.EventId, new Dictionary<Guid, int> { [Full] = 1 }, null, guest.AccessKey));
        Assert.True(replaced.Succeeded);
        Assert.Equal(OrderStatus.Expired, (await _services.OrderAsync(guest.AccessKey)).Status);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task LatePayment_IsConfirmedWhenPlacesAreFree_AndRefundedWithAnEmailWhenNot()
    {
        // Free places: the hold ran out and was released, the payment still arrives.
        var lucky = await _services.HeldAsync(_event.EventId, (Day1, 2));
        await _services.FillDetailsAsync(lucky.AccessKey);
        await _services.Get<StartPayment>().ExecuteAsync(lucky.AccessKey);
        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        await _services.Get<ReleaseExpiredHolds>().ExecuteAsync();
        Assert.Equal(OrderStatus.Expired, (await _services.OrderAsync(lucky.AccessKey)).Status);
        Assert.Equal(OrderStatus.Paid, (await _services.PayByCardAsync(lucky.AccessKey)).Value);

        // No free places: someone else bought them after the hold was released.
        var late = await _services.HeldAsync(_event.EventId, (Day1, 8));
        await _services.FillDetailsAsync(late.AccessKey);
        await _services.Get<StartPayment>().ExecuteAsync(late.AccessKey);
        _services.Clock.Advance(TimeSpan.FromMinutes(11));
        var other = await _services.HeldAsync(_event.EventId, (Full, 8));
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(other.AccessKey)).Value);
        await _services.PayByCardAsync(late.AccessKey);

        var order = await _services.OrderAsync(late.AccessKey);
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.True(order.RefundedLatePayment);
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Void, t.Status));
        await using var db = await _services.Db.CreateAsync();
        var refund = await db.OrderRefunds.SingleAsync(r => r.OrderId == order.Id);
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.Equal(order.PaidMinor, (await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == order.PaymentIntentId)).AmountRefundedMinor);
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.Kind == "order.late_payment_refunded" && e.To == "buyer@example.test"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task BuyerCancelsOneTicket_GetsItsShareBack_ThenTheRest_AndCapacityReturns()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Full, 2));
        await _services.PayAsync(hold.AccessKey);
        var order = await _services.OrderAsync(hold.AccessKey);
        var first = order.Tickets.OrderBy(t => t.Position).First();

        var one = await _services.Get<CancelTickets>().ByBuyerAsync(hold.AccessKey, [first.Id]);
        Assert.True(one.Succeeded);
        Assert.Equal(first.PaidMinor, one.Value!.Refund.AmountMinor);
        Assert.Equal(OrderStatus.Paid, (await _services.OrderAsync(hold.AccessKey)).Status);
        Assert.Equal(UserMessages.NothingToCancel, (await _services.Get<CancelTickets>().ByBuyerAsync(hold.AccessKey, [first.Id]))
            .ErrorFor(CancelTickets.Field));

        var rest = await _services.Get<CancelTickets>().ByBuyerAsync(hold.AccessKey, []);
        Assert.True(rest.Succeeded);
        order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(order.PaidMinor, (await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == order.PaymentIntentId)).AmountRefundedMinor);
        Assert.All(await db.OrderRefunds.Where(r => r.OrderId == order.Id).ToListAsync(), r => Assert.Equal(RefundStatus.Succeeded, r.Status));
        Assert.Equal(2, await db.OutboxEmails.CountAsync(e => e.Kind == "order.cancelled"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task TheOrderView_SplitsEachTicketIntoPriceDiscountAndFee_AsTheSummarySplitsTheOrder()
    {
        await using (var db = await _services.Db.CreateAsync())
        {
            db.Coupons.Add(new Coupon { Id = Guid.CreateVersion7(), OrganizationId = _event.OrganizationId, Code = "FIFTH", Kind = CouponKind.Percent,
                PercentOff = 20 });
            await db.SaveChangesAsync();
        }

        var hold = await _services.Get<PlaceHold>().ExecuteAsync(
            new HoldRequest(_event.EventId, new Dictionary<Guid, int> { [Full] = 2, [Day1] = 1 }, "fifth"));
        Assert.True(hold.Succeeded);
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(hold.Value!.AccessKey)).Value);
        var view = await _services.Get<GetOrder>().ByKeyAsync(hold.Value.AccessKey);

        // €50, €50, €30 − 20 % = €104, + 8 % fee = €8.32: each ticket carries its own share of both.
        var full = view.Tickets.First(t => t.TicketTypeId == Full);
        Assert.Equal((5000, 1000, 320, 4320), (full.UnitPrice.AmountMinor, full.Discount.AmountMinor, full.Fee.AmountMinor, full.Paid.AmountMinor));
        var day = view.Tickets.Single(t => t.TicketTypeId == Day1);
        Assert.Equal((3000, 600, 192, 2592), (day.UnitPrice.AmountMinor, day.Discount.AmountMinor, day.Fee.AmountMinor, day.Paid.AmountMinor));
        Assert.Equal(view.Order.DiscountMinor, view.Tickets.Sum(t => t.Discount.AmountMinor));
        Assert.Equal(view.Order.FeeMinor, view.Tickets.Sum(t => t.Fee.AmountMinor));
        Assert.All(view.Tickets, t => Assert.Equal(t.UnitPrice.AmountMinor - t.Discount.AmountMinor + t.Fee.AmountMinor, t.Paid.AmountMinor));
        Assert.Equal(view.Order.PaidMinor, view.Tickets.Sum(t => t.Paid.AmountMinor));
    }

    [Fact]
    public async Task BuyerCannotCancel_OutsideTheRefundWindow_ButTheOrganizerCan_WithAPartialRefund()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await _services.PayAsync(hold.AccessKey);
        _services.Clock.SetUtcNow(OrderingTestData.FirstSessionStart.AddHours(-47));
        Assert.Equal(UserMessages.RefundWindowClosed, (await _services.Get<CancelTickets>().ByBuyerAsync(hold.AccessKey, []))
            .ErrorFor(CancelTickets.Field));

        var order = await _services.OrderAsync(hold.AccessKey);
        _services.Caller.UserId = _managerId;
        var tooMuch = await _services.Get<CancelTickets>().ByOrganizerAsync(order.Id, [], order.PaidMinor + 1);
        Assert.False(tooMuch.Succeeded);
        var partial = await _services.Get<CancelTickets>().ByOrganizerAsync(order.Id, [], 1000);
        Assert.Equal(1000, partial.Value!.Refund.AmountMinor);
        order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(1000, order.RefundedMinor);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task CancellingTheEvent_RefundsEveryPaidOrder_AndEmailsEveryBuyer()
    {
        var a = await _services.HeldAsync(_event.EventId, (Full, 1));
        await _services.PayAsync(a.AccessKey);
        var b = await _services.HeldAsync(_event.EventId, (Day1, 2));
        await _services.PayAsync(b.AccessKey);

        _services.Caller.UserId = _managerId;
        Assert.True((await _services.Get<CancelEvent>().ExecuteAsync(_event.EventId)).Succeeded);

        foreach (var key in new[] { a.AccessKey, b.AccessKey })
        {
            var order = await _services.OrderAsync(key);
            Assert.Equal(OrderStatus.Cancelled, order.Status);
            Assert.Equal(order.PaidMinor, order.RefundedMinor);
        }

        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(2, await db.OutboxEmails.CountAsync(e => e.Kind == "order.cancelled"));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task APaidOrderTheCancellationMissed_IsRefundedByTheWorkersRetry_Once()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Full, 1));
        await _services.PayAsync(hold.AccessKey);
        var retry = _services.Get<RefundCancelledEvent>();
        Assert.Equal(0, await retry.RetryAsync());

        // Cancelled without its refund run (it failed, or the payment was confirmed while it ran).
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.Events.Where(e => e.Id == _event.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, Core.Catalog.EventStatus.Cancelled));
        }

        Assert.Equal(1, await retry.RetryAsync());
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        Assert.Equal(0, await retry.RetryAsync());
    }

    [Fact]
    public async Task OrganizerFindsOrders_BySearchAndStatus_AndMarksAnOfflineOrderPaid()
    {
        var paid = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await _services.PayAsync(paid.AccessKey);
        var pending = await _services.HeldAsync(_event.EventId, (Full, 1));
        await _services.FillDetailsAsync(pending.AccessKey, "cash@example.test");

        _services.Caller.UserId = _managerId;
        var orders = _services.Get<EventOrders>();
        Assert.Equal(2, (await orders.ListAsync(_event.EventId, new OrderQuery())).Total);
        Assert.Single((await orders.ListAsync(_event.EventId, new OrderQuery(Status: OrderStatus.Pending))).Rows);
        var found = Assert.Single((await orders.ListAsync(_event.EventId, new OrderQuery("CASH@"))).Rows);
        Assert.True((await orders.MarkPaidOfflineAsync(found.Id)).Succeeded);
        var order = await _services.OrderAsync(pending.AccessKey);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.True(order.PaidOffline);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task ACodeUnlocksAHiddenTicketType_AndAPerBuyerLimitIsKept()
    {
        var hidden = await _services.Db.AddSellableEventAsync(_event.OrganizationId, "crew-night", [20],
            new SeedTicketType("Crew", 1000, [0], Visibility: Core.Catalog.TicketVisibility.Hidden));
        await using (var db = await _services.Db.CreateAsync())
        {
            db.Coupons.Add(new Coupon { Id = Guid.CreateVersion7(), OrganizationId = _event.OrganizationId, Code = "CREW", Kind = CouponKind.Percent,
                PercentOff = 50, UnlocksHiddenTypes = true, PerBuyerLimit = 1 });
            await db.SaveChangesAsync();
        }

        var crew = hidden.TypeIds["Crew"];
        var browse = _services.Get<Core.Catalog.Browsing.GetPublicEvent>();
        Assert.Empty((await browse.ExecuteAsync("crew-night")).TicketTypes);
        Assert.Single((await browse.ExecuteAsync("crew-night", "crew")).TicketTypes);
        Assert.False((await _services.HoldAsync(hidden.EventId, (crew, 1))).Succeeded);

        var first = await _services.Get<PlaceHold>().ExecuteAsync(new HoldRequest(hidden.EventId, new Dictionary<Guid, int> { [crew] = 1 }, "crew"));
        Assert.True(first.Succeeded);
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(first.Value!.AccessKey)).Value);
        Assert.Equal(500,
            (await _services.OrderAsync(first.Value.AccessKey)).SubtotalMinor - (await _services.OrderAsync(first.Value.AccessKey)).DiscountMinor);

        // The same buyer again: the hold works (the email is not known yet), the details step refuses the second use.
        var second = await _services.Get<PlaceHold>().ExecuteAsync(new HoldRequest(hidden.EventId, new Dictionary<Guid, int> { [crew] = 1 }, "crew"));
        var view = await _services.Get<GetOrder>().ByKeyAsync(second.Value!.AccessKey);
        var details = await _services.Get<SaveCheckoutDetails>().ExecuteAsync(second.Value.AccessKey,
            new CheckoutDetails("Buyer@Example.test", null,
                view.Tickets.Select(t => new AttendeeDetails(t.Id, "Again", null, new Dictionary<string, string?>())).ToList()));
        Assert.Equal(UserMessages.CouponPerBuyerLimit, details.ErrorFor(PlaceHold.CouponField));
    }

    [Fact]
    public async Task OrganizationFeeOverride_IsSetByPlatformAdminsOnly_AndPricesNewHolds()
    {
        var payments = _services.Get<OrganizationPayments>();
        var owner = await _services.Db.AddUserAsync("owner@riverside.test");
        await using (var db = await _services.Db.CreateAsync())
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = _event.OrganizationId, UserId = owner.Id, Role = OrgRole.Owner,
                JoinedAt = _services.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        _services.Caller.UserId = owner.Id;
        var refused = await payments.SaveAsync(_event.OrganizationId, new PaymentSettings("acct_123abc", 2m, 30, false));
        Assert.Equal("Only platform administrators change the fee.", refused.ErrorFor(nameof(PaymentSettings.FeePercentOverride)));
        Assert.Equal("Enter the connected account id from Stripe, e.g. acct_1Nv0FGQ9RKHgCVdK.",
            (await payments.SaveAsync(_event.OrganizationId, new PaymentSettings("nope", null, null, false)))
                .ErrorFor(nameof(PaymentSettings.StripeAccountId)));
        Assert.True((await payments.SaveAsync(_event.OrganizationId, new PaymentSettings("acct_123abc", null, null, false))).Succeeded);

        var admin = await _services.Db.AddUserAsync("admin@platform.test");
        await _services.Db.MakePlatformAdminAsync(admin.Id);
        _services.Caller.UserId = admin.Id;
        Assert.True((await payments.SaveAsync(_event.OrganizationId, new PaymentSettings("acct_123abc", 2m, 30, true))).Succeeded);

        _services.Caller.UserId = null;
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(60 + 30, order.FeeMinor);
        Assert.Equal(3090, order.TotalMinor);
    }

    [Fact]
    public async Task TheSessionsOfATicketTypeWithSales_CannotChange()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        _services.Caller.UserId = _managerId;
        TicketTypeDetails details;
        await using (var db = await _services.Db.CreateAsync())
        {
            details = TicketTypeDetails.From(await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).SingleAsync(t => t.Id == Day1));
        }

        var moved = await _services.Get<SaveTicketType>()
            .UpdateAsync(Day1, details with { SessionIds = [_event.SessionIds[0], _event.SessionIds[1]] });
        Assert.Equal(UserMessages.SessionsFixedAfterSales, moved.ErrorFor(nameof(TicketTypeDetails.SessionIds)));
        Assert.True((await _services.Get<SaveTicketType>().UpdateAsync(Day1, details with { Name = "Day one" })).Succeeded);
        Assert.Equal(UserMessages.TicketTypeHasOrders, (await _services.Get<DeleteTicketType>().ExecuteAsync(Day1))
            .ErrorFor(ValidationFailure.FormLevel));
        Assert.Equal(OrderStatus.Pending, (await _services.OrderAsync(hold.AccessKey)).Status);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    [Fact]
    public async Task ACardPaymentForAnOrderPaidOfflineMeanwhile_IsRefunded_NotKept()
    {
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 1));
        await _services.FillDetailsAsync(hold.AccessKey);
        await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);
        var intentId = (await _services.OrderAsync(hold.AccessKey)).PaymentIntentId!;

        _services.Caller.UserId = _managerId;
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.True((await _services.Get<EventOrders>().MarkPaidOfflineAsync(order.Id)).Succeeded);
        _services.Caller.UserId = null;

        // The card payment started before completes afterwards.
        await _services.Get<SimulatedPaymentGateway>().CompleteAsync(intentId, SimulatedCards.Outcome(SimulatedCards.Success), default);
        await _services.Get<ConfirmReturnedPayment>().ExecuteAsync(hold.AccessKey);

        await using var db = await _services.Db.CreateAsync();
        var intent = await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == intentId);
        var events = await db.ProcessedPaymentEvents.Select(e => e.Type + ":" + e.PaymentIntentId).ToListAsync();
        var refundRows = await db.OrderRefunds.Select(r => r.Status + ":" + r.PaymentIntentId + ":" + r.FailureMessage).ToListAsync();
        Assert.True(intent.AmountMinor == intent.AmountRefundedMinor,
            $"intent {intent.Status} refunded {intent.AmountRefundedMinor}; " +
            $"events {string.Join(",", events)}; refunds {string.Join(",", refundRows)}");
        Assert.Single(await db.OrderRefunds.Where(r => r.PaymentIntentId == intentId).ToListAsync());
        Assert.Equal(OrderStatus.Paid, (await _services.OrderAsync(hold.AccessKey)).Status);
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }
}
