namespace EventPlatform.Bench;

/// <summary>How one page did at one catalog size and client count, one <see cref="Timing"/> per run.</summary>
internal sealed record PageResult(BenchPage Page, int Events, int Clients, IReadOnlyList<Timing> Runs)
{
    public double P95Ms => Stats.Median(Runs.Select(r => r.P95Ms));
}

/// <summary>A catalog size, and the cores other processes on the machine kept busy while its pages were measured.</summary>
internal sealed record MeasuredSize(CatalogSize Catalog, double ForeignCores);

/// <summary>The plans of what one request of a page sends: as served, and with the catalog cache emptied.</summary>
internal sealed record PagePlans(BenchPage Page, IReadOnlyList<StatementPlan> Served, IReadOnlyList<StatementPlan> CacheEmptied);

/// <summary>
/// The pages scenario: home, search and an event page as one database grows through
/// <see cref="BenchOptions.CatalogSizes"/> events, measured at each size at 1 and 16 clients as
/// served (listings from the catalog cache, as in production) and with the catalog cache emptied
/// before every request; then the plans of the statements each page sends, at the largest size.
/// </summary>
internal static class PageRender
{
    public const int RequestsPerClient1 = 200;
    public const int RequestsPerClient16 = 25;
    public const int ColdRequests = 40;

    public static async Task<string> RunAsync(BenchHost host, BenchWebApp app, BenchOptions options)
    {
        var pages = new BenchPage[]
        {
            new("home page", "/", "Big organization"),
            new("search", $"/events?q={LargeCatalogSeed.SearchWord}", "Jazz night"),
            new("event page", $"/e/{LargeCatalogSeed.EventSlug}", LargeCatalogSeed.EventTitle),
        };
        using var timings = new PageTimings(host, app);
        var sizes = new List<MeasuredSize>();
        var served = new List<PageResult>();
        var cold = new List<PageResult>();
        foreach (var events in options.CatalogSizes)
        {
            var catalog = await LargeCatalogSeed.GrowAsync(host, sizes.Count == 0 ? 0 : sizes[^1].Catalog.Events, events);
            Console.Error.WriteLine($"pages: grew to {events:N0} events, {catalog.Tickets:N0} tickets in {catalog.GrownIn.TotalSeconds:0} s");
            timings.EmptyCatalogCache();
            // The first size also waits for tiered compilation to settle: the pages stayed about twice as slow for the first
            // 40-50 s after the app started, with 20 s of warm-up the first size measured 1.5-2x the second (not so with
            // DOTNET_TieredCompilation=0), and a growth ratio must compare the catalog, not the JIT.
            await timings.WarmUpAsync(pages, TimeSpan.FromSeconds(sizes.Count == 0 ? 60 : 3));
            if (options.Profile)
            {
                await DatabaseProfile.ResetAsync(host);
            }

            var cpu = new OwnCpuMeter(host);
            foreach (var page in pages)
            {
                foreach (var clients in new[] { 1, 16 })
                {
                    served.Add(await MeasureAsync(timings, page, events, clients, options.Runs));
                }

                cold.Add(new PageResult(page, events, 1, [await timings.MeasureColdAsync(page, ColdRequests)]));
                Console.Error.WriteLine($"pages: {page.Name} at {events:N0} events, cache emptied: p95 {cold[^1].P95Ms:0.0} ms");
            }

            sizes.Add(new MeasuredSize(catalog, cpu.Stop().ForeignCores));
            if (options.Profile)
            {
                Console.Error.WriteLine($"Statements while the pages were measured at {events:N0} events:");
                Console.Error.WriteLine(await DatabaseProfile.TopStatementsAsync(host));
            }
        }

        var plans = new List<PagePlans>();
        foreach (var page in pages)
        {
            plans.Add(new PagePlans(page,
                await QueryPlans.ExplainAsync(host, await timings.CaptureAsync(page, emptyCache: false)),
                await QueryPlans.ExplainAsync(host, await timings.CaptureAsync(page, emptyCache: true))));
        }

        return PageGrowthReport.Write(sizes, served, cold, plans);
    }

    private static async Task<PageResult> MeasureAsync(PageTimings timings, BenchPage page, int events, int clients, int runCount)
    {
        var runs = new List<Timing>();
        for (var r = 0; r < runCount; r++)
        {
            runs.Add(await timings.MeasureAsync(page, clients, clients == 1 ? RequestsPerClient1 : RequestsPerClient16));
        }

        var result = new PageResult(page, events, clients, runs);
        Console.Error.WriteLine($"pages: {page.Name} at {events:N0} events, {clients} clients: p95 {result.P95Ms:0.0} ms");
        return result;
    }
}
