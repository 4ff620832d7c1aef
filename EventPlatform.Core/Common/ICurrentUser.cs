namespace EventPlatform.Core.Common;

/// <summary>
/// Who is calling a use case. Implemented by the web layer from the authenticated principal
/// (a cookie on static pages, the circuit's authentication state on interactive ones).
/// </summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's id, or <c>null</c> for an anonymous caller.</summary>
    Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken = default);
}
