using System.Security.Cryptography;
using System.Text;

namespace EventPlatform.Core.Common;

/// <summary>
/// Unguessable single-use tokens (magic links, later kiosk tokens). Only the SHA-256 hash is
/// stored, so a database leak does not leak usable links.
/// </summary>
public static class SecureToken
{
    /// <summary>32 random bytes, base64url-encoded (43 characters, safe in a URL).</summary>
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a token: hex SHA-256 of its text.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
