using System.Globalization;

namespace EventPlatform.Web.Components.Pages.Ordering.Checkout;

public enum CardBrand
{
    Unknown,
    Visa,
    Mastercard,
    Amex,
}

/// <summary>
/// How the demo card form shows a card number as it is typed: the brand its first digits announce, and
/// the digits in groups (4 4 4 4; American Express 4 6 5). wwwroot/js/card-number.js groups the same way
/// in the browser, so the caret stays put while typing; the simulated gateway reads the digits only.
/// </summary>
public static class CardNumber
{
    public const int MaxDigits = 19;
    private static readonly int[] AmexGroups = [4, 6, 5];

    public static string Digits(string? typed) => new((typed ?? "").Where(char.IsAsciiDigit).Take(MaxDigits).ToArray());

    /// <summary>Visa 4; Mastercard 51–55 and 2221–2720; American Express 34 and 37. Unknown until the digits say.</summary>
    public static CardBrand Brand(string? typed)
    {
        var digits = Digits(typed);
        if (digits.StartsWith('4'))
        {
            return CardBrand.Visa;
        }

        if (digits.Length >= 2 && digits[0] == '3' && digits[1] is '4' or '7')
        {
            return CardBrand.Amex;
        }

        if (digits.Length >= 2 && digits[0] == '5' && digits[1] is >= '1' and <= '5')
        {
            return CardBrand.Mastercard;
        }

        return digits.Length >= 4 && int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture) is >= 2221 and <= 2720
            ? CardBrand.Mastercard
            : CardBrand.Unknown;
    }

    /// <summary>What the form shows for a brand: the name on the card, short.</summary>
    public static string? BrandName(string? typed) => Brand(typed) switch
    {
        CardBrand.Visa => "Visa",
        CardBrand.Mastercard => "Mastercard",
        CardBrand.Amex => "Amex",
        CardBrand.Unknown => null,
    };

    /// <summary>"4242 4242 4242 4242", "3782 822463 10005": the digits in the brand's groups, nothing else.</summary>
    public static string Group(string? typed)
    {
        var digits = Digits(typed);
        var sizes = Brand(digits) == CardBrand.Amex ? AmexGroups : [];
        var groups = new List<string>();
        var start = 0;
        for (var i = 0; start < digits.Length; i++)
        {
            var size = i < sizes.Length ? sizes[i] : 4;
            groups.Add(digits.Substring(start, Math.Min(size, digits.Length - start)));
            start += size;
        }

        return string.Join(' ', groups);
    }
}
