namespace EventPlatform.Core.Accounts.MagicLinks;

/// <summary>
/// A passwordless sign-in link sent by email. Stored by hash only; usable once, until it expires.
/// </summary>
public class MagicLinkToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>Where to go after signing in (a local path), chosen when the link was requested.</summary>
    public string? ReturnUrl { get; set; }
}
