namespace EventPlatform.Core.Accounts;

/// <summary>Platform-wide roles (Identity roles). Everyone else is a plain user.</summary>
public static class PlatformRoles
{
    /// <summary>Operators of the installation: every organization, user and setting.</summary>
    public const string PlatformAdmin = "PlatformAdmin";
}
