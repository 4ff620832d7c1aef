using System.Net;
using System.Text;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using EventPlatform.TestSupport.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Api;

/// <summary>
/// POST /api/webhooks/stripe over real HTTP, with events made and signed as Stripe makes them:
/// the remote side of the gateway is the only simulated part.
/// </summary>
public sealed class StripeWebhookTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private SellableEvent _sale = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync("webhooks");
        _app.StartKestrel();
        var owner = await _app.Db.AddUserAsync("owner@riverside.test");
        var organization = await _app.Db.AddOrganizationAsync("riverside", (owner.Id, OrgRole.Owner));
        _sale = await _app.Db.AddSellableEventAsync(organization.Id, "webhook-night", [4], new SeedTicketType("Standing", 2000, [0]));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task BadOrMissingOrStaleSignature_Is400_AndChangesNothing()
    {
        var (key, intentId) = await PendingOrderWithIntentAsync(2);
        var payload = await SucceededEventAsync(intentId);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(payload, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await PostAsync(payload, SimulatedStripeEvents.Sign(payload, "whsec_someone_else", DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await PostAsync(payload, SimulatedStripeEvents.Sign(payload, TestApp.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await PostAsync(payload + " ", SimulatedStripeEvents.Sign(payload, TestApp.WebhookSecret, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(OrderStatus.Pending, (await OrderAsync(key)).Status);
    }

    [Fact]
    public async Task TheSameEventTwice_IsProcessedOnce()
    {
        var (key, intentId) = await PendingOrderWithIntentAsync(2);
        var payload = await SucceededEventAsync(intentId);

        var first = await PostAsync(payload, Sign(payload));
        var second = await PostAsync(payload, Sign(payload));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"handled\":true", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"handled\":false", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, (await OrderAsync(key)).Status);
        Assert.Equal(1, await ConfirmationEmailsAsync());
    }

    [Fact]
    public async Task WebhookBeforeTheReturnPage_AndAfterIt_ConfirmOnce()
    {
        // Webhook first, then the buyer's browser comes back.
        var (early, earlyIntent) = await PendingOrderWithIntentAsync(1);
        var payload = await SucceededEventAsync(earlyIntent);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(payload, Sign(payload))).StatusCode);
        Assert.Equal(OrderStatus.Paid, await ReturnPageAsync(early));

        // Return page first (the webhook is late), then two deliveries of a new event for the same intent.
        var (late, lateIntent) = await PendingOrderWithIntentAsync(1);
        await SucceededEventAsync(lateIntent);
        Assert.Equal(OrderStatus.Paid, await ReturnPageAsync(late));
        var again = SimulatedStripeEvents.PaymentIntentEvent("payment_intent.succeeded", await IntentAsync(lateIntent));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again, Sign(again))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again, Sign(again))).StatusCode);

        Assert.Equal(2, await ConfirmationEmailsAsync());
        await using var db = await _app.Db.CreateAsync();
        Assert.Equal(2, await db.Tickets.CountAsync(t => t.Status == TicketStatus.Valid));
        Assert.Equal(2, (await db.Sessions.SingleAsync()).Taken);
    }

    [Fact]
    public async Task PaidAfterExpiry_ConfirmsWhenPlacesAreFree_RefundsWhenNot()
    {
        var (free, freeIntent) = await PendingOrderWithIntentAsync(2);
        await ExpireAsync(free);
        var payload = await SucceededEventAsync(freeIntent);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(payload, Sign(payload))).StatusCode);
        Assert.Equal(OrderStatus.Paid, (await OrderAsync(free)).Status);

        var (gone, goneIntent) = await PendingOrderWithIntentAsync(2);
        await ExpireAsync(gone);
        await PendingOrderWithIntentAsync(2); // takes the last two places
        payload = await SucceededEventAsync(goneIntent);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(payload, Sign(payload))).StatusCode);

        var order = await OrderAsync(gone);
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.True(order.RefundedLatePayment);
        Assert.Equal(order.PaidMinor, (await IntentAsync(goneIntent)).AmountRefundedMinor);
        await using var db = await _app.Db.CreateAsync();
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.Kind == "order.late_payment_refunded"));
        Assert.Equal(4, (await db.Sessions.SingleAsync()).Taken);
    }

    [Fact]
    public async Task TenCopiesOfALatePaymentAtOnce_WhenThePlacesAreGone_RefundOnce()
    {
        var (gone, goneIntent) = await PendingOrderWithIntentAsync(2);
        await ExpireAsync(gone);
        await PendingOrderWithIntentAsync(4); // the places are gone
        var payload = await SucceededEventAsync(goneIntent);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(payload, Sign(payload))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses, r => r.Content.ReadAsStringAsync().Result.Contains("\"handled\":true", StringComparison.Ordinal));
        await using var db = await _app.Db.CreateAsync();
        Assert.Single(await db.OrderRefunds.Where(r => r.PaymentIntentId == goneIntent).ToListAsync());
        Assert.Single(await db.SimulatedRefunds.Where(r => r.PaymentIntentId == goneIntent).ToListAsync());
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.Kind == "order.late_payment_refunded"));
    }

    [Fact]
    public async Task OutOfOrder_TheRefundsWebhookBeforeThePayments_StillOneConfirmationAndOneRefund()
    {
        // Paid (the return page confirmed), then cancelled by the buyer and refunded; both webhooks are still on their way.
        var (key, intentId) = await PendingOrderWithIntentAsync(1);
        var succeeded = await SucceededEventAsync(intentId);
        Assert.Equal(OrderStatus.Paid, await ReturnPageAsync(key));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<Core.Ordering.Cancellation.CancelTickets>().ByBuyerAsync(key, [])).Succeeded);
        }

        var refunded = SimulatedStripeEvents.ChargeRefundedEvent(await IntentAsync(intentId));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(refunded, Sign(refunded))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(succeeded, Sign(succeeded))).StatusCode);

        var order = await OrderAsync(key);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        await using var db = await _app.Db.CreateAsync();
        Assert.Equal(Core.Payments.RefundStatus.Succeeded, (await db.OrderRefunds.SingleAsync(r => r.PaymentIntentId == intentId)).Status);
        Assert.Equal(order.PaidMinor, (await IntentAsync(intentId)).AmountRefundedMinor);
        Assert.Equal(1, await ConfirmationEmailsAsync());
    }

    [Fact]
    public async Task AnEventFromAnotherApiVersion_IsStillApplied()
    {
        var (key, intentId) = await PendingOrderWithIntentAsync(1);
        await SucceededEventAsync(intentId);
        var intent = await IntentAsync(intentId);
        var payload = SimulatedStripeEvents.Envelope("payment_intent.succeeded", new Dictionary<string, object?>
        {
            ["id"] = intent.Id,
            ["object"] = "payment_intent",
            ["amount"] = intent.AmountMinor,
            ["amount_received"] = intent.AmountMinor,
            ["currency"] = "eur",
            ["status"] = "succeeded",
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = intent.OrderId.ToString() },
        }).Replace(Stripe.StripeConfiguration.ApiVersion, "2020-08-27", StringComparison.Ordinal);

        Assert.Contains("2020-08-27", payload, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(payload, Sign(payload))).StatusCode);
        Assert.Equal(OrderStatus.Paid, (await OrderAsync(key)).Status);
    }

    [Fact]
    public async Task UnknownEventTypes_AreAcknowledged()
    {
        var payload = SimulatedStripeEvents.Envelope("customer.created",
            new Dictionary<string, object?> { ["id"] = "cus_1", ["object"] = "customer" });
        var response = await PostAsync(payload, Sign(payload));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_AreNotAllowed_AndSaySo(string method)
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/webhooks/stripe"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    private static string Sign(string payload) => SimulatedStripeEvents.Sign(payload, TestApp.WebhookSecret, DateTimeOffset.UtcNow);

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
            { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        return await http.SendAsync(request);
    }

    private async Task<(string Key, string IntentId)> PendingOrderWithIntentAsync(int quantity)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hold = await Purchase.HeldAsync(services, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Standing"]] = quantity });
        await Purchase.SaveDetailsAsync(services, hold.AccessKey, CheckoutBuyer.Guest("buyer@example.test", "Ada"));
        var start = await Purchase.StartPaymentAsync(services, hold.AccessKey);
        return (hold.AccessKey, start.IntentId!);
    }

    /// <summary>What Stripe's side does when the card is charged: the intent succeeds and an event is written.</summary>
    private async Task<string> SucceededEventAsync(string intentId)
    {
        await using (var db = await _app.Db.CreateAsync())
        {
            await db.SimulatedPaymentIntents.Where(i => i.Id == intentId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, SimulatedIntentStatus.Succeeded));
        }

        return SimulatedStripeEvents.PaymentIntentEvent("payment_intent.succeeded", await IntentAsync(intentId));
    }

    private async Task<SimulatedPaymentIntent> IntentAsync(string intentId)
    {
        await using var db = await _app.Db.CreateAsync();
        return await db.SimulatedPaymentIntents.AsNoTracking().SingleAsync(i => i.Id == intentId);
    }

    private async Task<OrderStatus> ReturnPageAsync(string key)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConfirmReturnedPayment>().ExecuteAsync(key);
    }

    /// <summary>The hold runs out and the worker releases it (the app's clock is real, so move the deadline instead).</summary>
    private async Task ExpireAsync(string key)
    {
        await using (var db = await _app.Db.CreateAsync())
        {
            await db.Orders.Where(o => o.AccessKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.HoldExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReleaseExpiredHolds>().ExecuteAsync();
        Assert.Equal(OrderStatus.Expired, (await OrderAsync(key)).Status);
    }

    private async Task<Order> OrderAsync(string key)
    {
        await using var db = await _app.Db.CreateAsync();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.AccessKey == key);
    }

    private async Task<int> ConfirmationEmailsAsync()
    {
        await using var db = await _app.Db.CreateAsync();
        return await db.OutboxEmails.CountAsync(e => e.Kind == "order.confirmation");
    }

    [Fact]
    public async Task AChunkedBodyPastTheLimit_IsRefusedWith413_WithoutAContentLength()
    {
        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        var body = new StreamContent(new MemoryStream(new byte[300 * 1024]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
