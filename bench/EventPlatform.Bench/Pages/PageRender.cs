using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EventPlatform.Bench;

/// <summary>
/// The pages scenario: plain HTTP GETs of prerendered pages through Kestrel (no browser, no
/// circuit) over the large data set, at 1 and 16 concurrent clients. The time is the client's, from
/// sending the request to the last byte of the body, on loopback: the server's time plus a little
/// HTTP.
/// </summary>
internal static class PageRender
{
    private const int RequestsPerClient1 = 200;
    private const int RequestsPerClient16 = 25;

    public static async Task<string> RunAsync(BenchHost host, BenchWebApp app, BenchOptions options)
    {
        var catalog = await LargeCatalogSeed.SeedAsync(host);
        var pages = new (string Name, string Path, string MustContain)[]
        {
            ("home page", "/", "Big organization"),
            ("search", $"/events?q={catalog.SearchWord}", "Jazz night"),
            ("event page", $"/e/{catalog.EventSlug}", "Community evening 4321"),
        };
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var report = new StringBuilder()
            .AppendLine("## 3. Page render").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"{catalog.Events:N0} events of 100 organizations, {catalog.Tickets:N0} paid tickets (seeded in {catalog.SeededIn.TotalSeconds:0} " +
                $"s). HTTP GET of the prerendered page through Kestrel (Production), time to the last byte on loopback; {RequestsPerClient1} " +
                $"requests at 1 client, {RequestsPerClient16} per client at 16, after a warm-up.").AppendLine()
            .AppendLine("| page | clients | median ms | p95 ms | requests/s |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var (name, path, mustContain) in pages)
        {
            await WarmUpAsync(http, path, mustContain);
            foreach (var clients in new[] { 1, 16 })
            {
                var runs = new List<(double Median, double P95, double PerSecond)>();
                for (var r = 0; r < options.Runs; r++)
                {
                    runs.Add(await MeasureAsync(http, path, mustContain, clients, clients == 1 ? RequestsPerClient1 : RequestsPerClient16));
                }

                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} (`{path}`) | {clients} | {Stats.MedianSpread(runs.Select(x => x.Median))} | " +
                        $"{Stats.MedianSpread(runs.Select(x => x.P95))} | {Stats.MedianSpread(runs.Select(x => x.PerSecond), "0")} |");
                Console.Error.WriteLine($"pages: {name} at {clients} clients: p95 {Stats.Median(runs.Select(x => x.P95)):0.0} ms");
            }
        }

        return report.ToString();
    }

    private static async Task WarmUpAsync(HttpClient http, string path, string mustContain)
    {
        for (var i = 0; i < 20; i++)
        {
            await GetAsync(http, path, mustContain);
        }
    }

    private static async Task<(double Median, double P95, double PerSecond)> MeasureAsync(HttpClient http, string path, string mustContain,
        int clients, int requestsPerClient)
    {
        var times = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < requestsPerClient; i++)
            {
                times.Add(await GetAsync(http, path, mustContain));
            }
        })));
        var all = times.ToList();
        return (Stats.Percentile(all, 50), Stats.Percentile(all, 95), all.Count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>One GET; a page that is not 200 or lacks its content would make the timing meaningless.</summary>
    private static async Task<double> GetAsync(HttpClient http, string path, string mustContain)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !body.Contains(mustContain, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"GET {path} answered {(int)response.StatusCode} without \"{mustContain}\"; the page scenario measures nothing real.");
        }

        return elapsed;
    }
}
