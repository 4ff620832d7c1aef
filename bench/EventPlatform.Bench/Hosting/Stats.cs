using System.Globalization;

namespace EventPlatform.Bench;

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    /// <summary>"123.4 (118.0–130.2)": the median of the runs and their spread.</summary>
    public static string MedianSpread(IEnumerable<double> runs, string format = "0.0")
    {
        var list = runs.Order().ToList();
        var median = list[list.Count / 2];
        return string.Create(CultureInfo.InvariantCulture,
            $"{median.ToString(format, CultureInfo.InvariantCulture)} " +
            $"({list[0].ToString(format, CultureInfo.InvariantCulture)}–{list[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    public static double Median(IEnumerable<double> runs)
    {
        var list = runs.Order().ToList();
        return list[list.Count / 2];
    }
}
