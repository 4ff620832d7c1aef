namespace EventPlatform.Core.Accounts.MagicLinks;

/// <summary>
/// A passwordless sign-in link sent by email. Stored by hash only; usable once, until it expires.
/// Either for an account (<see cref="UserId"/>), or for the email of a guest who bought tickets and
/// has no account yet (<see cref="Email"/>): its first redemption creates the account.
/// </summary>
public class MagicLinkToken
{
    public const int EmailMaxLength = 256;

    public Guid Id { get; set; }

    /// <summary>The account signed in; null for a guest's link, until its redemption creates the account.</summary>
    public Guid? UserId { get; set; }

    /// <summary>A guest's email, as they bought with it (only when <see cref="UserId"/> is null).</summary>
    public string? Email { get; set; }

    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>Where to go after signing in (a local path), chosen when the link was requested.</summary>
    public string? ReturnUrl { get; set; }
}
