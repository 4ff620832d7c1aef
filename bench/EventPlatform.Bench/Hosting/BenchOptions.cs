using System.Globalization;

namespace EventPlatform.Bench;

/// <summary>
/// Command line: <c>--scenarios onsale,pages,fanout,kiosk</c> (all by default),
/// <c>--runs 3</c>, <c>--buyers 16,64,256</c>, <c>--profile</c> (the statements each scenario sent, to stderr),
/// <c>--catalog-sizes 1000,10000,100000</c> (the events the pages scenario grows its catalog to, in order),
/// <c>--subscribers 100,1000</c> (the fanout scenario's K; <c>0</c> for none, to measure only memory per circuit),
/// <c>--export-sizes 10000,100000</c> (the attendees the exports scenario exports), <c>--results-file latest.md</c> (in bench/results).
/// </summary>
internal sealed record BenchOptions(IReadOnlySet<string> Scenarios, int Runs, IReadOnlyList<int> BuyerCounts, bool Profile,
    IReadOnlyList<int> CatalogSizes, IReadOnlyList<int> Subscribers, IReadOnlyList<int> ExportSizes, string ResultsFile)
{
    public static readonly string[] AllScenarios = ["onsale", "pages", "fanout", "kiosk", "exports"];

    public bool Includes(string scenario) => Scenarios.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var scenarios = Option("--scenarios", string.Join(',', AllScenarios))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = scenarios.Except(AllScenarios).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}; known: {string.Join(", ", AllScenarios)}.");
        }

        var catalogSizes = Numbers(Option("--catalog-sizes", "1000,10000,100000"));
        if (catalogSizes.Count == 0 || catalogSizes[0] < 1 || catalogSizes.Zip(catalogSizes.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("--catalog-sizes takes growing event counts, e.g. 1000,10000,100000.");
        }

        return new BenchOptions(
            scenarios,
            int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture),
            Numbers(Option("--buyers", "16,64,256")),
            args.Contains("--profile"),
            catalogSizes,
            Numbers(Option("--subscribers", "100,1000")).Where(k => k > 0).ToList(),
            Numbers(Option("--export-sizes", "10000,100000")),
            // A run of one scenario can keep its report apart instead of replacing the full one.
            Path.GetFileName(Option("--results-file", "latest.md")));
    }

    private static List<int> Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
}
