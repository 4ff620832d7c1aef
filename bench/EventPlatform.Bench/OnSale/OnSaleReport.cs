using System.Globalization;
using System.Text;

namespace EventPlatform.Bench;

/// <summary>Scenarios 1 and 2: the hot on-sale through the app, against the database's ceiling.</summary>
internal static class OnSaleReport
{
    public static async Task<string> RunAsync(BenchHost host, BenchOptions options)
    {
        var report = new StringBuilder()
            .AppendLine("## 1–2. Hot on-sale vs. the database's ceiling").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"One event, 3 sessions of {OnSaleEvent.SessionCapacity}, 5 ticket types (a 3-session pass capped at 300, a 2-session weekend, 3 " +
                $"single nights); N buyers each buy 1–4 tickets of a random type until sold out; after one unreported warm-up sale each way.")
            .AppendLine("App = hold → details → payment intent → simulated card → signed webhook → confirmation, through the Core use " +
                "cases. Ceiling = the minimal purchase transaction with Npgsql (conditional counter updates, one order, its tickets, commit).")
            .AppendLine()
            .AppendLine(
                "| N | path | purchases/s | tickets/s | hold p50 / p95 / p99 ms | confirm p50 / p95 / p99 ms | oversold | counters = tickets |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        var ratios = new List<string>();
        // One unreported sale each way first: the first run paid for JIT compilation and empty
        // pools (about twice the CPU per purchase of the runs after it).
        await HotOnSale.ThroughTheAppAsync(host, 16, "app-warm-up");
        await HotOnSale.CeilingAsync(host, 16, "sql-warm-up");
        await DatabaseProfile.ResetAsync(host);
        var cost = PurchaseCost.Describe(await PurchaseCost.MeasureAsync(host, options.Profile));
        var run = 0;
        foreach (var n in options.BuyerCounts)
        {
            var app = new List<SaleRun>();
            var ceiling = new List<SaleRun>();
            for (var r = 0; r < options.Runs; r++)
            {
                if (options.Profile)
                {
                    await DatabaseProfile.ResetAsync(host);
                }

                app.Add(await HotOnSale.ThroughTheAppAsync(host, n, $"app-{n}-{run}"));
                if (options.Profile)
                {
                    Console.Error.WriteLine(
                        $"Statements of the app path, N={n} ({app[^1].Purchases} purchases, {app[^1].Failures.Values.Sum()} failed holds):");
                    Console.Error.WriteLine(await DatabaseProfile.TopStatementsAsync(host));
                }

                ceiling.Add(await HotOnSale.CeilingAsync(host, n, $"sql-{n}-{run++}"));
                Console.Error.WriteLine($"N={n} run {r + 1}: app {app[^1].PurchasesPerSecond:0.0}/s ({app[^1].Cpu.Describe()}; CPU ms per purchase " +
                    $"app {app[^1].CpuMsPerPurchase.App:0.0}, db {app[^1].CpuMsPerPurchase.Database:0.0}), ceiling " +
                    $"{ceiling[^1].PurchasesPerSecond:0.0}/s ({ceiling[^1].Cpu.Describe()})");
            }

            report.AppendLine(Row(n, "app", app, withConfirm: true)).AppendLine(Row(n, "ceiling", ceiling, withConfirm: false));
            var throughput = Stats.Median(app.Select(a => a.PurchasesPerSecond)) / Stats.Median(ceiling.Select(c => c.PurchasesPerSecond));
            var p95 = Stats.Median(app.Select(a => Stats.Percentile(a.HoldMs, 95)))
                / Stats.Median(ceiling.Select(c => Stats.Percentile(c.HoldMs, 95)));
            ratios.Add(string.Create(CultureInfo.InvariantCulture,
                $"- N = {n}: app/ceiling purchases/s = **{throughput:0.00}**; app hold p95 / ceiling purchase p95 = **{p95:0.00}**; failed " +
                $"attempts (app, last run): {string.Join(", ", app[^1].Failures.Select(f => $"{f.Value} × \"{f.Key}\""))}"));
            var last = app[^1];
            ratios.Add(string.Create(CultureInfo.InvariantCulture,
                $"  - app, last run: confirm steps p50 / p95 ms: " +
                $"{string.Join("; ", last.StageMs.Select(s => $"{s.Key} {Stats.Percentile(s.Value, 50):0} / {Stats.Percentile(s.Value, 95):0}"))}. " +
                $"CPU: {last.Cpu.Describe()}, {last.CpuMsPerPurchase.App:0.0} ms in the app process and {last.CpuMsPerPurchase.Database:0.0} ms " +
                $"elsewhere (the database) per purchase; ceiling: {ceiling[^1].Cpu.Describe()}, {ceiling[^1].CpuMsPerPurchase.App:0.0} + " +
                $"{ceiling[^1].CpuMsPerPurchase.Database:0.0} ms per purchase."));
        }

        return report.AppendLine().AppendLine("Ratios:").AppendLine(string.Join(Environment.NewLine, ratios)).AppendLine()
            .AppendLine(cost).ToString();
    }

    private static string Row(int n, string path, IReadOnlyList<SaleRun> runs, bool withConfirm)
    {
        string Latency(Func<SaleRun, IReadOnlyList<double>> pick) =>
            string.Join(" / ", new[] { 50.0, 95, 99 }.Select(p => Stats.MedianSpread(runs.Select(r => Stats.Percentile(pick(r), p)), "0")));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {n} | {path} | {Stats.MedianSpread(runs.Select(r => r.PurchasesPerSecond))} | " +
                $"{Stats.MedianSpread(runs.Select(r => r.TicketsPerSecond))} | {Latency(r => r.HoldMs)} | " +
                $"{(withConfirm ? Latency(r => r.ConfirmMs) : "—")} | {runs.Max(r => r.Oversold)} | " +
                $"{(runs.All(r => r.CountersMatch) ? "yes" : "NO")} |");
    }
}
