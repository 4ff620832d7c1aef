using System.Security.Claims;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace EventPlatform.Web.Accounts;

/// <summary>
/// The caller of a use case, from the circuit's authentication state on interactive pages, or
/// from the request's principal on static pages and endpoints (where no authentication state
/// provider has been initialised).
/// </summary>
internal sealed class HttpCurrentUser(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext) : ICurrentUser
{
    public async Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken = default)
    {
        ClaimsPrincipal? principal;
        try
        {
            principal = (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            principal = httpContext.HttpContext?.User;
        }

        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(id, out var userId) ? userId : null;
    }
}
