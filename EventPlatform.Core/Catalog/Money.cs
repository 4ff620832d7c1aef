using System.Globalization;

namespace EventPlatform.Core.Catalog;

/// <summary>
/// An amount of money: minor units (cents) and an ISO 4217 currency. Never floating point, so
/// prices, fees and refunds add up to the cent.
/// </summary>
public readonly record struct Money(long AmountMinor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public bool IsZero => AmountMinor == 0;

    /// <summary>ISO 4217: three upper-case letters.</summary>
    public static bool IsValidCurrency(string? currency) =>
        currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    /// <summary>Minor units per major unit for the currencies we format (JPY and friends have none).</summary>
    public static int MinorDigits(string currency) => currency switch
    {
        "JPY" or "KRW" or "ISK" or "CLP" or "VND" => 0,
        _ => 2,
    };

    /// <summary>"€12.50", "$5.00", "CHF 8.00": for display only.</summary>
    public string Format()
    {
        var digits = MinorDigits(Currency);
        var major = AmountMinor / (decimal)Math.Pow(10, digits);
        var number = major.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Currency switch
        {
            "EUR" => "€" + number,
            "USD" => "$" + number,
            "GBP" => "£" + number,
            _ => Currency + " " + number,
        };
    }

    public override string ToString() => Format();
}
