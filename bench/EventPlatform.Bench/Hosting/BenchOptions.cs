using System.Globalization;

namespace EventPlatform.Bench;

/// <summary>
/// Command line: <c>--scenarios onsale,pages,fanout,kiosk</c> (all by default),
/// <c>--runs 3</c>, <c>--buyers 16,64,256</c>, <c>--profile</c> (the statements each scenario sent, to stderr).
/// </summary>
internal sealed record BenchOptions(IReadOnlySet<string> Scenarios, int Runs, IReadOnlyList<int> BuyerCounts, bool Profile)
{
    public static readonly string[] AllScenarios = ["onsale", "pages", "fanout", "kiosk"];

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

        return new BenchOptions(
            scenarios,
            int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture),
            Option("--buyers", "16,64,256").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
            args.Contains("--profile"));
    }
}
