namespace EventPlatform.Core.Common;

/// <summary>
/// Where a request comes from, for abuse limits (docs/product.md, "3. Ordering: holds and
/// checkout"): the client's network address and the device cookie of its browser. Either may be
/// missing (a script sends no cookie; a background job has no client at all), and a missing one is
/// simply not limited.
/// </summary>
/// <param name="Address">The client address as the trusted proxy chain reports it; an IPv6 address is cut to its /64 network, which one subscriber
/// usually holds whole.</param>
/// <param name="Device">The random id of the browser's device cookie.</param>
public sealed record ClientIdentity(string? Address, string? Device)
{
    public static ClientIdentity Unknown { get; } = new(null, null);
}

/// <summary>The client of the current request or interactive circuit.</summary>
public interface ICurrentClient
{
    ClientIdentity Get();
}

/// <summary>For hosts without clients (tools, background work): no limits apply.</summary>
public sealed class NoCurrentClient : ICurrentClient
{
    public ClientIdentity Get() => ClientIdentity.Unknown;
}
