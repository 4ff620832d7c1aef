using System.Text.Json;
using EventPlatform.Faults.Infrastructure;
using EventPlatform.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace EventPlatform.Faults;

/// <summary>
/// PostgreSQL stopped (fast, then immediate shutdown) and started again in the middle of an
/// on-sale: buyers are told "busy, try again" — never an error — while it is down, the app
/// reconnects by itself (pool and LISTEN relay), sales go on afterwards, and the ledger holds.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FaultBench _bench = default!;

    public async Task InitializeAsync() => _bench = await FaultBench.CreateAsync("pgrestart", capacity: 5000);

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task RestartedTwiceDuringAnOnSale_BuyersSeeBusyNotErrors_AndNothingIsLost()
    {
        await using var app = await _bench.StartAppAsync();
        using var buyers = new Buyers(app.BaseAddress);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(DateTime At, string Outcome)>();
        using var stop = new CancellationTokenSource();
        var serial = 0;
        var load = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref serial);
                var purchase = await buyers.BuyAsync(_bench.Sale.EventId, _bench.TicketTypeId, 1 + (n % 2), $"pg{n}");
                outcomes.Add((DateTime.UtcNow, purchase switch
                {
                    null => "no answer",
                    { Status: "Paid" } => "paid",
                    { Step: "busy" } => "busy",
                    { Error: Core.Common.UserMessages.Busy } => "busy",
                    { Step: "http" } => purchase.Error ?? "http",
                    _ => $"{purchase.Step}: {purchase.Error}",
                }));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(4));
        await TestPostgres.RestartAsync("fast", TimeSpan.FromSeconds(3));
        await Task.Delay(TimeSpan.FromSeconds(4));
        await TestPostgres.RestartAsync("immediate", TimeSpan.FromSeconds(3));
        var lastRestart = DateTime.UtcNow;
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(6));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var (figures, took) = await Ledger.WaitUntilSettledAsync(_bench, TimeSpan.FromSeconds(40));
        var counts = outcomes.GroupBy(o => o.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var paidAfter = outcomes.Count(o => o.Outcome == "paid" && o.At > lastRestart.AddSeconds(1));
        var relay = await ReadyRelayAsync(app);
        output.WriteLine($"FIGURES PostgreSQL restart (fast, then immediate, 3 s down each): purchases {outcomes.Count} " +
            $"({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}), paid after the last restart {paidAfter}, settled " +
            $"{took.TotalSeconds:0.0} s after the load stopped, relay: {relay}; {figures}");

        Assert.True(counts.GetValueOrDefault("busy") > 0, "no buyer met the restart: " + string.Join(", ", counts));
        var errors = app.Output.Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(20);
        Assert.All(counts.Keys, outcome => Assert.True(outcome is "paid" or "busy",
            $"a buyer saw '{outcome}' ({counts[outcome]}×); the app's errors:\n{string.Join('\n', errors)}"));
        Assert.True(paidAfter > 0, "nothing was sold after the restart");
        Assert.True(figures.Settled, figures.ToString());
        Assert.Equal(0, figures.Oversold + figures.CounterMismatches + figures.ChargedTwice + figures.EmailsDuplicated);
        Assert.Contains("Listening", relay, StringComparison.Ordinal);
    }

    /// <summary>The LISTEN relay's line of /health/ready once it is healthy again.</summary>
    private static async Task<string> ReadyRelayAsync(AppProcess app)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await http.GetAsync("/health/ready");
            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var relay = report.GetProperty("checks").GetProperty("live-relay");
            if (relay.GetProperty("status").GetString() == "Healthy" || DateTime.UtcNow > deadline)
            {
                return relay.GetProperty("description").GetString() ?? "";
            }

            await Task.Delay(200);
        }
    }
}
