using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>Cell values as the writers expect them for each <see cref="ExportColumnKind"/>.</summary>
public static class ExportCells
{
    public const string Yes = "yes";

    /// <summary>Minor units as a decimal in major units with the currency's digits (1250 EUR → 12.50), so it is written as a number.</summary>
    public static decimal Amount(long minor, string currency) =>
        // Multiplying by 0.01m (rather than dividing by 100) keeps the scale: 1200 → 12.00, not 12.
        minor * new decimal(1, 0, 0, false, (byte)Money.MinorDigits(currency));

    public static string? YesOrBlank(bool value) => value ? Yes : null;
}
