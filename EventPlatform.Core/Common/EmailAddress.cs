using System.Net.Mail;

namespace EventPlatform.Core.Common;

public static class EmailAddress
{
    /// <summary>A plain address (no display name), at most 320 characters, with a dot in the domain.</summary>
    public static bool IsValid(string? value)
    {
        var trimmed = value?.Trim();
        return trimmed is { Length: > 0 and <= 320 }
            && MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
