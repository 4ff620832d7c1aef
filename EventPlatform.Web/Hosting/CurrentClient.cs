using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.WebUtilities;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// Who is on the other end, for the hold limits: the client address (after the trusted
/// forwarded headers of UseSiteAddress) and a random device cookie given to every
/// browser on its first request.
/// </summary>
internal static class ClientDevice
{
    public const string CookieName = "ep_device";
    private const string ItemKey = "ep-device";
    // 16 random bytes, base64url: what we issue, and the only shape we believe.
    private const int IdLength = 22;

    /// <summary>Issues the device cookie to a browser that has none (or a forged, malformed one).</summary>
    public static IApplicationBuilder UseClientDevice(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Read(context.Request.Cookies[CookieName]) is null)
        {
            var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
            context.Items[ItemKey] = id;
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        await next();
    });

    public static ClientIdentity Identify(HttpContext context) => new(
        Address(context.Connection.RemoteIpAddress),
        Read(context.Request.Cookies[CookieName]) ?? context.Items[ItemKey] as string);

    /// <summary>An IPv4 address as it is; an IPv6 address cut to its /64, which one subscriber usually holds whole.</summary>
    internal static string? Address(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static string? Read(string? cookie) =>
        cookie is { Length: IdLength } && cookie.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? cookie : null;
}

/// <summary>
/// The client of the request, or of the interactive circuit (scoped: one per circuit). A
/// circuit's identity is taken when it opens, from the connection that opened it, because the
/// HTTP context is not reliable later in a circuit's life.
/// </summary>
internal sealed class HttpCurrentClient(IHttpContextAccessor httpContext) : ICurrentClient
{
    private ClientIdentity? _captured;

    public ClientIdentity Get() => _captured ?? (httpContext.HttpContext is { } context ? ClientDevice.Identify(context) : ClientIdentity.Unknown);

    internal void Capture() => _captured ??= httpContext.HttpContext is { } context ? ClientDevice.Identify(context) : null;

    /// <summary>For the fault-injection suite's buyers, who all come from one test process (FaultDriverEndpoints).</summary>
    internal void Assume(ClientIdentity identity) => _captured = identity;
}

internal sealed class CurrentClientCircuitHandler(HttpCurrentClient client) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        client.Capture();
        return Task.CompletedTask;
    }
}
