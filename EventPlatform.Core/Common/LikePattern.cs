namespace EventPlatform.Core.Common;

/// <summary>Search text as a LIKE pattern: what the user typed is matched literally (with <c>\</c> as the escape character).</summary>
public static class LikePattern
{
    /// <summary>
    /// <c>%text%</c>, lower-cased, with <c>\ % _</c> escaped: compare with <c>EF.Functions.Like(column.ToLower(), pattern, "\\")</c>.
    /// </summary>
    public static string Containing(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
