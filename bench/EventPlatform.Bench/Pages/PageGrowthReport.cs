using System.Globalization;
using System.Text;

namespace EventPlatform.Bench;

/// <summary>The pages section of the report: timings per size, growth ratios, the 20 ms aim, and the plans at the largest size.</summary>
internal static class PageGrowthReport
{
    /// <summary>The issue's bound: a page's p95 at the largest size within this factor of its p95 at the smallest.</summary>
    private const double FlatFactor = 1.5;

    private const double AimMs = 20;
    private const int AimEvents = 10_000;

    public static string Write(IReadOnlyList<MeasuredSize> sizes, IReadOnlyList<PageResult> served, IReadOnlyList<PageResult> cold,
        IReadOnlyList<PagePlans> plans)
    {
        var (first, last) = (sizes[0].Catalog.Events, sizes[^1].Catalog.Events);
        var report = new StringBuilder()
            .AppendLine("## 3. Pages as the catalog grows").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"One database grown in steps ({string.Join("; ", sizes.Select(Describe))}): one organization per " +
                $"{LargeCatalogSeed.EventsPerOrganization} events, 1–3 sessions and 1–2 ticket types each, 2% drafts, 1% cancelled and 1% " +
                $"over; every published or past event has {LargeCatalogSeed.OrdersPerEvent * LargeCatalogSeed.TicketsPerOrder} paid tickets. " +
                $"HTTP GET of the " +
                $"prerendered page through Kestrel (Production), time to the last byte on loopback; after a warm-up, " +
                $"{PageRender.RequestsPerClient1} requests at 1 client, {PageRender.RequestsPerClient16} per client at 16. As in production, " +
                $"which events a listing shows comes from the catalog cache (15 s; docs/decisions/0003); cards, prices and availability are " +
                $"read fresh.").AppendLine()
            .AppendLine("| page | events | clients | median ms | p95 ms | requests/s |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var result in served.OrderBy(r => r.Events).ThenBy(r => r.Clients))
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Page.Name} (`{result.Page.Path}`) | {result.Events:N0} | {result.Clients} | " +
                $"{Stats.MedianSpread(result.Runs.Select(x => x.MedianMs))} | {Stats.MedianSpread(result.Runs.Select(x => x.P95Ms))} | " +
                $"{Stats.MedianSpread(result.Runs.Select(x => x.PerSecond), "0")} |");
        }

        report.AppendLine();
        var pages = served.Select(r => r.Page).Distinct().ToList();
        var kib = pages.Select(page => page.Name + " " + string.Join(" / ", served.Where(r => r.Page == page && r.Clients == 1)
            .OrderBy(r => r.Events).Select(r => (r.Runs[^1].PageChars / 1000.0).ToString("0", CultureInfo.InvariantCulture))));
        var at = string.Join(" / ", sizes.Select(s => Short(s.Catalog.Events)));
        report.AppendLine(CultureInfo.InvariantCulture, $"HTML in thousands of characters at {at} events: {string.Join("; ", kib)}.").AppendLine();
        foreach (var page in pages)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"growth: {page.Name} p95 at {Short(last)} / {Short(first)} events = **{Ratio(served, page, first, last):0.00}**").AppendLine();
        }

        report.AppendLine(Aim(served)).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"CPU per request at 1 client (the bench's process and database, so less disturbed by the " +
                $"machine's other work than the times) at {at} events: {CpuPerRequest(served)}.").AppendLine();
        WriteCold(report, cold, first, last);
        WritePlans(report, last, plans);
        return report.ToString();
    }

    private static string CpuPerRequest(IReadOnlyList<PageResult> results) => string.Join("; ", results.Select(r => r.Page).Distinct()
        .Select(page => page.Name + " " + string.Join(" / ", results.Where(r => r.Page == page && r.Clients == 1).OrderBy(r => r.Events)
            .Select(r => Stats.Median(r.Runs.Select(x => x.CpuMsPerRequest)).ToString("0.0", CultureInfo.InvariantCulture))) + " ms"));

    private static string Describe(MeasuredSize size) => string.Create(CultureInfo.InvariantCulture,
        $"{size.Catalog.Events:N0} events of {size.Catalog.Organizations:N0} organizations, {size.Catalog.Tickets:N0} tickets, grown in " +
        $"{size.Catalog.GrownIn.TotalSeconds:0} s, measured while other processes kept {size.ForeignCores:0.0} cores busy");

    /// <summary>1000 → "1k", 100000 → "100k", 2500 → "2.5k", 500 → "500".</summary>
    private static string Short(int events) => events >= 1000
        ? (events / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : events.ToString(CultureInfo.InvariantCulture);

    /// <summary>The p95 at one client, largest size over smallest.</summary>
    private static double Ratio(IReadOnlyList<PageResult> results, BenchPage page, int first, int last)
    {
        double P95(int events) => results.Single(r => r.Page == page && r.Events == events && r.Clients == 1).P95Ms;
        return P95(last) / P95(first);
    }

    private static string Aim(IReadOnlyList<PageResult> served)
    {
        var at = served.Where(r => r.Events == AimEvents && r.Clients == 1).ToList();
        if (at.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"aim: p95 ≤ {AimMs:0} ms at 1 client with {AimEvents:N0} events: not measured " +
                $"({AimEvents:N0} is not among --catalog-sizes).");
        }

        var pages = string.Join(", ", at.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Page.Name} **{r.P95Ms:0.0} ms** ({(r.P95Ms <= AimMs ? "met" : "missed")})")));
        return string.Create(CultureInfo.InvariantCulture, $"aim: p95 ≤ {AimMs:0} ms at 1 client with {AimEvents:N0} events: {pages}.");
    }

    private static void WriteCold(StringBuilder report, IReadOnlyList<PageResult> cold, int first, int last)
    {
        report.AppendLine(CultureInfo.InvariantCulture,
                $"With the catalog cache emptied before each of {PageRender.ColdRequests} requests (1 client), every request ranks the " +
                $"catalog itself: what a request pays after a catalog change, or when its listing's 15 s are up.").AppendLine()
            .AppendLine("| page | events | median ms | p95 ms | CPU ms per request |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var result in cold.OrderBy(r => r.Events))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {result.Page.Name} | {result.Events:N0} | {result.Runs[0].MedianMs:0.0} | " +
                $"{result.Runs[0].P95Ms:0.0} | {result.Runs[0].CpuMsPerRequest:0.0} |");
        }

        report.AppendLine();
        foreach (var page in cold.Select(r => r.Page).Distinct())
        {
            var ratio = Ratio(cold, page, first, last);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"cache emptied: {page.Name} p95 at {Short(last)} / {Short(first)} events = {ratio:0.00}" +
                $"{(ratio > FlatFactor ? $" (over {FlatFactor})" : "")}").AppendLine();
        }

    }

    private static void WritePlans(StringBuilder report, int events, IReadOnlyList<PagePlans> plans)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"### Query plans at {events:N0} events").AppendLine()
            .AppendLine("The statements one request of each page sent (recorded from EF Core with their parameters), run again under " +
                "EXPLAIN (ANALYZE, BUFFERS): as served, with the page's listing in the catalog cache, and with the cache emptied. The " +
                "slowest of each is the page's main catalog query; how it reaches its rows:")
            .AppendLine();
        foreach (var page in plans)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- **{page.Page.Name}** (`{page.Page.Path}`): as served " +
                $"{Summary(page.Served)}; cache emptied {Summary(page.CacheEmptied)}.");
        }

        foreach (var page in plans)
        {
            report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"<details><summary>{page.Page.Name}: the plans</summary>").AppendLine();
            WriteStatements(report, "As served", page.Served);
            WriteStatements(report, "Cache emptied", page.CacheEmptied);
            report.AppendLine("</details>");
        }
    }

    private static string Summary(IReadOnlyList<StatementPlan> statements)
    {
        var slowest = statements.MaxBy(s => s.ExecutionMs);
        var main = slowest is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $", slowest {slowest.ExecutionMs:0.00} ms by {string.Join(", ", slowest.Accesses.Select(a => $"`{a}`"))}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{statements.Count} statements, {statements.Sum(s => s.ExecutionMs):0.00} ms executing in all{main}");
    }

    private static void WriteStatements(StringBuilder report, string heading, IReadOnlyList<StatementPlan> statements)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"#### {heading}").AppendLine();
        foreach (var plan in statements.OrderByDescending(s => s.ExecutionMs))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"**{plan.ExecutionMs:0.00} ms**").AppendLine()
                .AppendLine("```sql").AppendLine(QueryPlans.WithValues(plan.Statement)).AppendLine("```")
                .AppendLine("```").AppendLine(string.Join('\n', plan.Plan)).AppendLine("```").AppendLine();
        }
    }
}
