using System.Globalization;

namespace EventPlatform.Core.Organizations;

/// <summary>
/// How an organization's brand colour (<c>#RRGGBB</c>) can be used on its pages while text stays
/// readable (WCAG AA: contrast at least 4.5 : 1), whatever colour the organizer picked.
/// </summary>
public static class BrandColours
{
    public const string White = "#FFFFFF";
    public const string Ink = "#000000";

    /// <summary>The WCAG AA contrast for normal text.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>
    /// White or black, whichever reads better on <paramref name="background"/>; one of the two always
    /// reaches <see cref="MinimumContrast"/> (the worst background gives √21 ≈ 4.58 : 1). A softer
    /// dark grey would not: on mid grey it gives 3.8 : 1 while white gives 4.48 : 1.
    /// </summary>
    public static string TextOn(string background) =>
        Contrast(background, White) >= Contrast(background, Ink) ? White : Ink;

    /// <summary>Whether white text is readable on the colour, e.g. a filled button's label.</summary>
    public static bool CarriesWhiteText(string background) => Contrast(background, White) >= MinimumContrast;

    /// <summary>The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white).</summary>
    public static double Contrast(string first, string second)
    {
        var (lighter, darker) = (Luminance(first), Luminance(second)) is var (a, b) && a >= b ? (a, b) : (b, a);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(string hex)
    {
        var rgb = int.Parse(hex.AsSpan(1, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return 0.2126 * Linear(rgb >> 16) + 0.7152 * Linear((rgb >> 8) & 0xFF) + 0.0722 * Linear(rgb & 0xFF);
    }

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
