namespace EventPlatform.Core.Common;

/// <summary>
/// The one check for "where to go next" values that arrive from outside (a <c>returnUrl</c> in
/// the address bar or a form, the return path stored with a magic link). Only a path on this
/// site passes. Browsers forgive a lot — they drop tabs and newlines, read <c>\</c> as <c>/</c>,
/// and take <c>//host</c> as another site — so anything that could turn into another host
/// after such forgiveness is refused, in its raw and in its percent-decoded form.
/// </summary>
public static class LocalUrl
{
    public const int MaxLength = 2000;

    /// <summary>The value as a local path starting with a single <c>/</c>, or null when it is not one.</summary>
    public static string? OrNull(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return null;
        }

        if (!url.StartsWith('/'))
        {
            // "Account/Lockout" is a local path written without its slash; "https:…", "javascript:…" are not.
            var firstDelimiter = url.IndexOfAny(['/', '?', '#']);
            var scheme = url.IndexOf(':', StringComparison.Ordinal);
            if (scheme >= 0 && (firstDelimiter < 0 || scheme < firstDelimiter))
            {
                return null;
            }

            url = "/" + url;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (StartsAnotherHost(url) || StartsAnotherHost(decoded) || decoded.Any(c => char.IsControl(c) || c == '\\'))
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Relative, out _) ? url : null;
    }

    /// <summary>The local path, or the home page "/" when the value is not a local path.</summary>
    public static string OrHome(string? url) => OrNull(url) ?? "/";

    private static bool StartsAnotherHost(string path) => path.Length > 1 && path[1] is '/' or '\\';
}
