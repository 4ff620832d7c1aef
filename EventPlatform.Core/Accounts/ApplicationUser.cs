using Microsoft.AspNetCore.Identity;

namespace EventPlatform.Core.Accounts;

/// <summary>A person with an account. Identity supplies email, password hash, lockout and stamps.</summary>
public class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>How the person is greeted and shown to organizers; falls back to the email.</summary>
    [PersonalData]
    public string? DisplayName { get; set; }

    /// <summary>The organization the person last switched to; drives the organizer navigation.</summary>
    public Guid? CurrentOrganizationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string NameForDisplay => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? "" : DisplayName;
}
