using System.Globalization;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Reporting;

namespace EventPlatform.Web.Components.Pages.Reporting;

/// <summary>How dashboards write money and days.</summary>
internal static class MoneyText
{
    /// <summary>"€120.00", or "€120.00 + $40.00" for sales in two currencies; "—" before any sale.</summary>
    public static string Join(IReadOnlyList<SalesMoney> money, Func<SalesMoney, long> figure) =>
        money.Count == 0 ? "—" : string.Join(" + ", money.Select(m => new Money(figure(m), m.Currency).Format()));

    public static string Join(IReadOnlyList<Money> money) => money.Count == 0 ? "—" : string.Join(" + ", money.Select(m => m.Format()));

    /// <summary>Minor units as a number of major units, for a chart's axis.</summary>
    public static double Major(long minor, string currency) => minor / Math.Pow(10, Money.MinorDigits(currency));

    /// <summary>"21 May".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Axis labels for <paramref name="days"/>: every day when few, else about ten spread out (the
    /// rest blank), so they stay readable.
    /// </summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days)
    {
        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 10.0));
        return [.. days.Select((d, i) => i % every == 0 || i == days.Count - 1 ? Day(d) : "")];
    }
}
