using EventPlatform.Faults.Infrastructure;
using Xunit.Abstractions;

namespace EventPlatform.Faults;

/// <summary>
/// The outside world failing under a running app: the mail server down for a while, and the
/// gateway's webhooks duplicated or never delivered. Each asserts the whole ledger.
/// </summary>
public sealed class OutsideWorldTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static bool Soak => Environment.GetEnvironmentVariable("EP_FAULT_SOAK") == "1";

    private FaultBench _bench = default!;

    public async Task InitializeAsync() => _bench = await FaultBench.CreateAsync("outside", capacity: 5000);

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task SmtpDown_ThenBack_EveryEmailIsDeliveredOnce()
    {
        // 10 minutes in the soak; in CI long enough for several failed attempts per email.
        var outage = Soak ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(25);
        await using var app = await _bench.StartAppAsync();
        using var buyers = new Buyers(app.BaseAddress);
        await _bench.Smtp.StopProcessAsync();
        var started = DateTime.UtcNow;

        var purchases = await buyers.BuyManyAsync(_bench, count: 30, parallel: 6, prefix: "smtp");
        Assert.All(purchases, p => Assert.Equal("Paid", p?.Status));
        await Task.Delay(outage - (DateTime.UtcNow - started) is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        var duringOutage = await Ledger.ReadAsync(_bench);
        Assert.Equal(0, duringOutage.EmailsDelivered);
        Assert.True(duringOutage.PendingEmails >= 30, duringOutage.ToString());

        await _bench.Smtp.StartProcessAsync();
        // The longest backoff step reached during the outage bounds the wait for the next attempt.
        var (figures, took) = await Ledger.WaitUntilSettledAsync(_bench, outage + TimeSpan.FromSeconds(30));

        output.WriteLine($"FIGURES SMTP down {outage.TotalSeconds:0} s: purchases {purchases.Count}, emails queued during the outage " +
            $"{duringOutage.PendingEmails}, all delivered {took.TotalSeconds:0.0} s after the server came back; {figures}");
        Assert.True(figures.Settled, figures.ToString());
        Assert.Equal(0, figures.EmailsDuplicated + figures.EmailsRedelivered);
        Assert.Equal(30, figures.PaidOrders);
    }

    [Fact]
    public async Task WebhooksDuplicatedTenfold_EachPaymentConfirmsOnce()
    {
        await using var app = await _bench.StartAppAsync(new Dictionary<string, string> { ["Payments__SimulatedWebhooks"] = "Duplicate" });
        using var buyers = new Buyers(app.BaseAddress);

        // Half of them never come back from paying, so the ten copies of the webhook race each other alone.
        var returned = await buyers.BuyManyAsync(_bench, count: 20, parallel: 6, prefix: "dup");
        var closed = await buyers.BuyManyAsync(_bench, count: 20, parallel: 6, prefix: "dupclosed", closeTabAfterPaying: true);
        var (figures, took) = await Ledger.WaitUntilSettledAsync(_bench, TimeSpan.FromSeconds(30));

        output.WriteLine($"FIGURES webhooks ×10: purchases {returned.Count + closed.Count}, settled in {took.TotalSeconds:0.0} s; {figures}");
        Assert.True(figures.Settled, figures.ToString());
        Assert.Equal(40, figures.PaidOrders);
        Assert.Equal(0, figures.EmailsDuplicated + figures.RefundedPayments + figures.ChargedTwice);
    }

    [Fact]
    public async Task WebhooksNeverDelivered_AndBuyersWhoNeverReturn_ReconciliationConfirmsEveryPayment()
    {
        await using var app = await _bench.StartAppAsync(new Dictionary<string, string> { ["Payments__SimulatedWebhooks"] = "Never" });
        using var buyers = new Buyers(app.BaseAddress);

        var purchases = await buyers.BuyManyAsync(_bench, count: 30, parallel: 6, prefix: "never", closeTabAfterPaying: true);
        Assert.All(purchases, p => Assert.Equal("Succeeded", p?.Status));
        // Reconciliation runs every 2 s in the suite (every minute by default).
        var (figures, took) = await Ledger.WaitUntilSettledAsync(_bench, TimeSpan.FromSeconds(30));

        output.WriteLine(
            $"FIGURES webhooks never: payments {purchases.Count}, all confirmed by reconciliation within {took.TotalSeconds:0.0} s; {figures}");
        Assert.True(figures.Settled, figures.ToString());
        Assert.Equal(30, figures.PaidOrders);
        Assert.Equal(0, figures.EmailsDuplicated + figures.RefundedPayments);
    }
}
