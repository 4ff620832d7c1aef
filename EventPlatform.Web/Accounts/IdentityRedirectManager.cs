using Microsoft.AspNetCore.Components;

namespace EventPlatform.Web.Accounts;

/// <summary>
/// Redirects from static account pages, refusing open redirects (only local paths), and carries
/// a one-shot status message in a short-lived cookie.
/// </summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(LocalOnly(uri));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        navigationManager.NavigateTo(navigationManager.ToBaseRelativePath(newUri));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    /// <summary>A local, base-relative path for <paramref name="uri"/>; anything else becomes the home page.</summary>
    public static string LocalOnly(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "";
        }

        var isLocal = uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.StartsWith("/\\", StringComparison.Ordinal);
        var isRelative = Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.Contains(':', StringComparison.Ordinal);
        return isLocal ? uri.TrimStart('/') : isRelative ? uri : "";
    }
}
