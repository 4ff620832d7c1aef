using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments;
using EventPlatform.Data.Tests.Ordering;
using EventPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Tests.Payments;

/// <summary>
/// The real Stripe.net client, through our resilience pipeline, against a local fake Stripe that
/// fails and hangs. A failing Stripe costs a buyer seconds, never charges twice, and once the
/// circuit is open checkout answers at once that payments are briefly unavailable, keeping the
/// buyer's places.
/// </summary>
public sealed class StripeResilienceTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = default!;
    private CoreServices _services = default!;
    private SellableEvent _event = default!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        _services = await CoreServices.CreateAsync("stripe-resilience", services =>
        {
            services.Configure<PaymentOptions>(o =>
            {
                o.StripeSecretKey = "sk_test_fake";
                o.StripePublishableKey = "pk_test_fake";
                o.StripeApiBase = _stripe.BaseUrl;
                o.StripeAttemptTimeout = TimeSpan.FromSeconds(1);
                o.StripeTotalTimeout = TimeSpan.FromSeconds(4);
                o.StripeCircuitBreak = TimeSpan.FromSeconds(2);
            });
            services.AddStripeHttpClient();
            services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        });
        var organization = await _services.Db.AddOrganizationAsync("stripe-outage");
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "concert", [10], new SeedTicketType("Standing", 2500, [0]));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    private IPaymentGateway Gateway => _services.Get<IPaymentGateway>();

    private static PaymentIntentRequest Request(string key) =>
        new(Guid.NewGuid(), "EP-TEST", 2500, "EUR", 0, null, "buyer@example.test", "Concert", key);

    [Fact]
    public async Task AFailingRead_IsRetriedWithBackoff_AndSucceeds()
    {
        _stripe.Then(FakeStripeBehaviour.Fail, FakeStripeBehaviour.Fail);

        var intent = await Gateway.FetchIntentAsync("pi_read_me", CancellationToken.None);

        Assert.Equal("pi_read_me", intent.IntentId);
        Assert.Equal(3, _stripe.Requests.Count);
        Assert.All(_stripe.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task AFailingCreate_IsRetriedWithTheSameIdempotencyKey_SoItCanNeverChargeTwice()
    {
        _stripe.Then(FakeStripeBehaviour.Fail);

        var intent = await Gateway.CreateIntentAsync(Request("order-abc-123"), CancellationToken.None);

        Assert.StartsWith("pi_fake_", intent.IntentId);
        var attempts = _stripe.Requests.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, r => Assert.Equal(("POST", "/v1/payment_intents", "order-abc-123"), r));
    }

    [Fact]
    public async Task AHangingStripe_GivesUpWithinTheTotalTimeout_AsUnavailable()
    {
        _stripe.Behaviour = FakeStripeBehaviour.Hang;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => Gateway.FetchIntentAsync("pi_slow", CancellationToken.None));

        // Three attempts of 1 s each with backoff, capped at 4 s in all: never Stripe.net's default of 80 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Equal("Stripe", error.Provider);
        Assert.InRange(_stripe.Requests.Count, 2, 3);
    }

    [Fact]
    public async Task WhileTheCircuitIsOpen_CheckoutSaysPaymentsAreBrieflyUnavailable_KeepsThePlaces_AndRecoversAfterwards()
    {
        var hold = await _services.HeldAsync(_event.EventId, (_event.TypeIds["Standing"], 2));
        await _services.FillDetailsAsync(hold.AccessKey);
        _stripe.Behaviour = FakeStripeBehaviour.Fail;

        // Enough failures to open the circuit (half of at least five calls).
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<ProviderUnavailableException>(() => Gateway.FetchIntentAsync($"pi_down_{i}", CancellationToken.None));
        }

        var seenBefore = _stripe.Requests.Count;
        var start = await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);

        Assert.False(start.Succeeded);
        Assert.Equal(UserMessages.PaymentsUnavailable, Assert.Single(start.Errors).Message);
        Assert.Equal(seenBefore, _stripe.Requests.Count); // the open circuit did not even call Stripe
        var order = await _services.OrderAsync(hold.AccessKey);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.PaymentIntentId);
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Reserved, t.Status));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);

        // Stripe is back and the break is over: the next press of Pay goes through.
        _stripe.Behaviour = FakeStripeBehaviour.Answer;
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var again = await _services.Get<StartPayment>().ExecuteAsync(hold.AccessKey);
        Assert.True(again.Succeeded, string.Join("; ", again.Errors.Select(e => e.Message)));
        Assert.StartsWith("pi_fake_", (await _services.OrderAsync(hold.AccessKey)).PaymentIntentId);
    }
}
