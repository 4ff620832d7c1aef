namespace EventPlatform.Core.Common;

/// <summary>Free text from an address bar or a form, made safe to compare and store.</summary>
public static class UserText
{
    /// <summary>
    /// Drops control characters (PostgreSQL refuses a NUL in text outright, which was a 500 on
    /// <c>/events?q=%00</c>), trims, and cuts to <paramref name="maxLength"/>. Empty becomes null.
    /// </summary>
    public static string? Clean(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var kept = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (kept.Length > maxLength)
        {
            kept = kept[..maxLength];
        }

        return kept.Length == 0 ? null : kept;
    }

    /// <summary>An enum member by its name only: <c>Enum.TryParse</c> also accepts any number ("-1"), which no switch expects.</summary>
    public static TEnum? EnumName<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is { Length: > 0 } && !char.IsAsciiDigit(value[0]) && value[0] is not ('-' or '+') && !value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}
