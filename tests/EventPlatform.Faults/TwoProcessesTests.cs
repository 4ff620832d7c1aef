using EventPlatform.Faults.Infrastructure;
using Xunit.Abstractions;

namespace EventPlatform.Faults;

/// <summary>
/// Two app processes on one database, as behind docker-compose.yml's proxy. Buyers on both compete
/// for one small event; nobody comes back from paying and no webhook is delivered, so only the
/// reconciliation workers (running on both) can confirm the payments; then half the orders are
/// cancelled on the other instance, so the refund workers (on both) send the refunds. Every
/// background job must happen exactly once: one confirmation and one email per payment, one refund
/// per cancellation, nothing oversold.
/// </summary>
public sealed class TwoProcessesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Capacity = 60;

    private FaultBench _bench = default!;

    public async Task InitializeAsync() => _bench = await FaultBench.CreateAsync("two", capacity: Capacity);

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task TwoInstances_SellReconcileAndRefundTogether_WithoutDoingAnyJobTwice()
    {
        var never = new Dictionary<string, string> { ["Payments__SimulatedWebhooks"] = "Never" };
        await using var a = await _bench.StartAppAsync(never);
        await using var b = await _bench.StartAppAsync(new Dictionary<string, string>(never)
            { ["Storage__DataDirectory"] = _bench.DataDirectory + "-b" });
        using var onA = new Buyers(a.BaseAddress);
        using var onB = new Buyers(b.BaseAddress);

        // 2 × 30 buyers of 1–3 tickets for 60 places: some find it sold out, none gets a place twice sold.
        var bought = await Task.WhenAll(
            onA.BuyManyAsync(_bench, count: 30, parallel: 4, prefix: "two-a", closeTabAfterPaying: true),
            onB.BuyManyAsync(_bench, count: 30, parallel: 4, prefix: "two-b", closeTabAfterPaying: true));
        var paidFor = bought.SelectMany(p => p).Where(p => p?.Status == "Succeeded").Select(p => p!.OrderKey!).ToList();
        Assert.NotEmpty(paidFor);
        var (confirmed, tookToConfirm) = await Ledger.WaitUntilSettledAsync(_bench, TimeSpan.FromSeconds(40));
        Assert.True(confirmed.Settled, confirmed.ToString());
        Assert.Equal(paidFor.Count, confirmed.PaidOrders);

        // Every other paid order is cancelled through the instance it was not bought on.
        var cancelled = 0;
        foreach (var (key, i) in paidFor.Select((k, i) => (k, i)).Where(x => x.i % 2 == 0))
        {
            var boughtOnA = bought[0].Any(p => p?.OrderKey == key);
            Assert.True(await (boughtOnA ? onB : onA).CancelAsync(key));
            cancelled++;
        }

        var (figures, tookToRefund) = await Ledger.WaitUntilSettledAsync(_bench, TimeSpan.FromSeconds(40));
        output.WriteLine($"FIGURES two processes: purchases {bought.Sum(p => p.Count)} ({paidFor.Count} paid, the rest sold out), confirmed by " +
            $"reconciliation within {tookToConfirm.TotalSeconds:0.0} s, {cancelled} cancelled on the other instance and refunded within " +
            $"{tookToRefund.TotalSeconds:0.0} s; {figures}");
        Assert.True(figures.Settled, figures.ToString());
        Assert.Equal(0, figures.ChargedTwice + figures.RefundedTwice + figures.EmailsDuplicated + figures.Oversold + figures.CounterMismatches);
        Assert.Equal(cancelled, figures.CancelledOrders);
        Assert.Equal(cancelled, figures.RefundedPayments);
        Assert.False(a.HasExited || b.HasExited, a.Output + b.Output);
    }
}
