using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Components;

namespace EventPlatform.Web.Accounts;

/// <summary>
/// Redirects from static account pages, refusing open redirects (only local paths, see
/// <see cref="LocalUrl"/>), and carries a one-shot status message in a short-lived cookie.
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

    /// <summary>Redirects to <paramref name="uri"/> when it is a local path, otherwise to the home page.</summary>
    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(LocalUrl.OrHome(uri));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(LocalUrl.OrHome(uri)).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        navigationManager.NavigateTo("/" + navigationManager.ToBaseRelativePath(newUri));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }
}
