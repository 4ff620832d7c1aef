using EventPlatform.Core.Accounts;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EventPlatform.Web.Api;

/// <summary>HTTP endpoints the account pages need (a cookie can only change in an HTTP request).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Antiforgery is validated by UseAntiforgery for form posts to minimal APIs.
        endpoints.MapPost("/Account/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
        return endpoints;
    }
}
