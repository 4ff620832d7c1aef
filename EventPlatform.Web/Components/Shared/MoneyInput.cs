using System.Globalization;
using EventPlatform.Core.Catalog;

namespace EventPlatform.Web.Components.Shared;

/// <summary>
/// Amounts as organizers type them — major units such as "5.00" — read into the minor units the
/// server works in, and shown back the same way. Every money field (<see cref="MoneyField"/>) is
/// read here, with the same rules: ticket prices, coupon amounts, refunds.
/// </summary>
public static class MoneyInput
{
    /// <summary>The most an amount may be, in major units; more is a typing slip (and may not fit in minor units).</summary>
    public const decimal MaxMajor = 1_000_000_000m;

    /// <summary>"40.00" for 4000 EUR cents; "500" for 500 JPY.</summary>
    public static string ToText(long minor, string currency)
    {
        var digits = Money.MinorDigits(currency);
        return (minor / Scale(digits)).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads "5", "5.00" or "5,00" in <paramref name="currency"/>: zero or more, at most <see cref="MaxMajor"/>, no more
    /// decimals than the currency has, no sign and no thousands separators. The error shows <paramref name="example"/>.
    /// </summary>
    public static bool TryRead(string? text, string currency, out long minor, out string error, string example = "5.00")
    {
        minor = 0;
        var digits = Money.MinorDigits(currency);
        error = digits == 0 ? WebMessages.WholeAmountRequired : WebMessages.AmountFormat(example, digits);
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxMajor
            || decimal.Round(amount, digits) != amount)
        {
            return false;
        }

        minor = (long)(amount * Scale(digits));
        error = "";
        return true;
    }

    private static decimal Scale(int digits) => (decimal)Math.Pow(10, digits);
}
