using System.Globalization;
using System.Text;
using EventPlatform.Web.Live;

namespace EventPlatform.Bench;

/// <summary>The fanout scenario: live fan-out to K subscribers, and memory per real circuit.</summary>
internal static class FanOutReport
{
    /// <summary>Issue 18's target for an idle event page's circuit; while updates flow, the target is no growth.</summary>
    private const double TargetKiBPerCircuit = 250;

    public static async Task<string> RunAsync(BenchHost host, BenchWebApp app, BenchOptions options)
    {
        var report = new StringBuilder()
            .AppendLine("## 4. Live fan-out and memory per circuit").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"K subscribers to one event in the real app, each re-evaluating its own copy of the event page's view on its own Blazor " +
                $"dispatcher, as LiveTicketSelector.razor does. A change is a real hold through the app's use case: commit → NOTIFY → " +
                $"LISTEN → live " +
                $"hub (coalescing, at most one read per {LiveAvailability.MinInterval.TotalMilliseconds:0} ms tick) → one counter read → every " +
                $"subscriber. Latency: from the start of the change's transaction until the last subscriber has applied it (changes 1 s apart). " +
                $"Burst: 50 holds back to back.").AppendLine()
            .AppendLine("| K | latency p50 / p95 / max ms | counter reads per change | burst: changes → reads (ms) |")
            .AppendLine("|---|---|---|---|");
        if (options.Subscribers.Count == 0)
        {
            report.AppendLine("| (not run: `--subscribers 0`) | | | |");
        }

        var run = 0;
        foreach (var k in options.Subscribers)
        {
            var runs = new List<FanOutRun>();
            for (var r = 0; r < options.Runs; r++)
            {
                runs.Add(await FanOut.RunAsync(host, app, k, $"fanout-{k}-{run++}"));
                Console.Error.WriteLine($"fanout: K={k} run {r + 1}: p95 {Stats.Percentile(runs[^1].LatencyMs, 95):0} ms, " +
                    $"{runs[^1].ReadsPerChange:0.0} reads per change");
            }

            string Latency(double p) => Stats.MedianSpread(runs.Select(x => p > 99 ? x.LatencyMs.Max() : Stats.Percentile(x.LatencyMs, p)), "0");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {k} | {Latency(50)} / {Latency(95)} / {Latency(100)} | {Stats.MedianSpread(runs.Select(x => x.ReadsPerChange), "0.0")} | " +
                    $"{runs[^1].BurstChanges} → {Stats.MedianSpread(runs.Select(x => (double)x.BurstReads), "0")} " +
                    $"({Stats.MedianSpread(runs.Select(x => x.BurstMs), "0")}) |");
        }

        var memory = new List<CircuitMemoryRun>();
        for (var r = 0; r < options.Runs; r++)
        {
            memory.Add(await CircuitMemory.RunAsync(host, app, $"circuits-{r}", options.Profile));
            Console.Error.WriteLine(
                $"circuits: run {r + 1}: {memory[^1].BytesPerCircuit / 1024:0} KiB per circuit, {memory[^1].Subscriptions} subscriptions, " +
                $"{memory[^1].UpdateGrowthBytesPerCircuit / 1024:0.0} KiB more each after {CircuitMemory.Changes} changes " +
                $"({memory[^1].UpdateReads} reads)");
        }

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Memory per circuit: {CircuitMemory.Pages} event pages opened in headless Chromium (one browser context each, every one " +
                $"interactive and subscribed: {string.Join(", ", memory.Select(m => m.Subscriptions))} subscriptions seen), server's managed heap " +
                $"after a full compacting collection, growth per circuit: " +
                $"**{Stats.MedianSpread(memory.Select(m => m.BytesPerCircuit / 1024), "0")} KiB** (heap " +
                $"{memory[^1].HeapBeforeBytes / 1048576.0:0.0} → {memory[^1].HeapAfterBytes / 1048576.0:0.0} MiB in the last run), " +
                $"{Stats.MedianSpread(memory.Select(m => m.BytesPerCircuit / 1024 / TargetKiBPerCircuit), "0.00")}× the target of " +
                $"{TargetKiBPerCircuit:0} KiB. Of that, the browsers' idle HTTP/1.1 connections (the page's requests; Kestrel closes them " +
                $"after its keep-alive timeout) are a part: once they have closed (below, after the warm-up), " +
                $"{Stats.MedianSpread(memory.Select(m => (m.HeapSettledBytes - m.HeapBeforeBytes) / 1024.0 / m.Pages), "0")} KiB per " +
                $"circuit.").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"While live updates flow: with the pages still open, availability changes of their event (a session counter set in the " +
                $"database, then the app's availability notifier; each waited for until the hub has read it, so every page re-renders each " +
                $"one). Warm-up changes first, until Kestrel has closed the browsers' idle HTTP connections (its keep-alive timeout), then " +
                $"a full collection, {CircuitMemory.Changes:N0} changes ({string.Join(", ", memory.Select(m => m.UpdateReads))} reads; the " +
                $"last one checked in a browser) and again a full collection. Growth per circuit over the {CircuitMemory.Changes:N0} changes: " +
                $"**{Stats.MedianSpread(memory.Select(m => m.UpdateGrowthBytesPerCircuit / 1024), "0.0")} KiB** (heap " +
                $"{memory[^1].HeapAfterBytes / 1048576.0:0.0} after opening → {memory[^1].HeapSettledBytes / 1048576.0:0.0} after the warm-up " +
                $"→ {memory[^1].HeapAfterUpdatesBytes / 1048576.0:0.0} MiB in the last run; " +
                $"target: no growth), " +
                $"{Stats.MedianSpread(memory.Select(m => m.UpdateGrowthBytesPerCircuit / 1024 / TargetKiBPerCircuit), "0.00")}× " +
                $"the idle target.");
        return report.ToString();
    }
}
