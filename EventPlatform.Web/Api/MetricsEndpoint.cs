using System.Net;
using System.Security.Cryptography;
using System.Text;
using EventPlatform.Core.Common;
using EventPlatform.Web.Hosting;
using OpenTelemetry.Metrics;

namespace EventPlatform.Web.Api;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format (OpenTelemetry's exporter): the product's own counters
/// (<see cref="AppMetrics"/>: holds, purchases, payment reports, checkout starts, emails by outcome),
/// worker lag (<see cref="WorkerHealth"/>), and the framework's meters — HTTP requests, Kestrel
/// connections, Blazor circuits, the .NET runtime and Npgsql's pool.
/// Operational data, so not for the public: with <c>Metrics:ScrapeToken</c> set it answers only to
/// <c>Authorization: Bearer &lt;token&gt;</c>; without, only to a direct connection from this
/// machine or a private network (a Prometheus beside the app), never to a request that came
/// through the reverse proxy (it carries X-Forwarded-For). Anyone else gets 404.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Runtime",
        "Npgsql",
    ];

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AppMetrics.MeterName, WorkerHealth.MeterName)
            .AddMeter(FrameworkMeters)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var token = endpoints.ServiceProvider.GetRequiredService<IConfiguration>()["Metrics:ScrapeToken"];
        endpoints.MapPrometheusScrapingEndpoint(Path).AddEndpointFilter(async (context, next) =>
            MayScrape(context.HttpContext, token) ? await next(context) : Results.NotFound());
        return endpoints;
    }

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var presented = context.Request.Headers.Authorization.ToString();
            return presented.StartsWith("Bearer ", StringComparison.Ordinal)
                   && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
        }

        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Connection.RemoteIpAddress is not { } remote)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote) || IsPrivate(remote);
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            // fc00::/7, unique local addresses.
            return (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
    }
}
