namespace EventPlatform.Core.Common;

/// <summary>
/// Every user-facing failure message in one catalogue, so wording stays consistent and a
/// translator (or a test) finds them in one place.
/// </summary>
public static class UserMessages
{
    public const string NotAMember = "You are not a member of this organization.";
    public const string RoleTooLow = "Your role in this organization does not allow this.";
    public const string SignInRequired = "Please sign in first.";

    public const string OrganizationNameLength = "Enter a name of 2 to 100 characters.";
    public const string SlugFormat = "Use 3 to 60 lower-case letters, digits and single hyphens (e.g. riverside-arts).";
    public const string SlugTaken = "This address is already taken. Choose another one.";

    public const string DisplayNameLength = "Enter a display name of 1 to 100 characters.";

    public const string MagicLinkExpired = "This sign-in link has expired.";
    public const string MagicLinkUsed = "This sign-in link has already been used.";
    public const string MagicLinkInvalid = "This sign-in link is not valid.";

    public const string TooManyAttempts = "Too many attempts. Please wait a minute and try again.";
}
