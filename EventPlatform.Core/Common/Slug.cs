using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EventPlatform.Core.Common;

/// <summary>URL slugs: lower-case ASCII letters, digits and single hyphens.</summary>
public static partial class Slug
{
    public const int MinLength = 3;
    public const int MaxLength = 60;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidSlug();

    public static bool IsValid(string? slug) =>
        slug is { Length: >= MinLength and <= MaxLength } && ValidSlug().IsMatch(slug);

    /// <summary>Turns a name into a slug suggestion: "Café Nights!" → "cafe-nights".</summary>
    public static string FromName(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasHyphen = true; // suppresses a leading hyphen
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
                lastWasHyphen = false;
            }
            else if (!lastWasHyphen)
            {
                builder.Append('-');
                lastWasHyphen = true;
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }
}
