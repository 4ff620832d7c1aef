using System.Security.Cryptography;
using EventPlatform.Core.Common;

namespace EventPlatform.Core.Ordering;

/// <summary>Unguessable identifiers for tickets, orders and order links.</summary>
public static class TicketCodes
{
    /// <summary>256 bits of randomness, base64url: what a ticket's QR code carries.</summary>
    public static string NewTicketCode() => SecureToken.Create();

    /// <summary>The key in a guest's order link (same strength as a ticket code).</summary>
    public static string NewAccessKey() => SecureToken.Create();

    private const string ReadableAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>"EP-" and 8 characters without look-alikes (0/O, 1/I/L); unique by a database index.</summary>
    public static string NewOrderNumber()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ReadableAlphabet[RandomNumberGenerator.GetInt32(ReadableAlphabet.Length)];
        }

        return "EP-" + new string(chars);
    }
}
