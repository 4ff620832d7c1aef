using System.Net;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// Absolute links to this site, always from <c>Site:BaseUrl</c>. The request's Host header is
/// chosen by whoever sends the request: a link built from it and emailed to someone else hands
/// that person's token to the sender's server.
/// </summary>
public sealed class SiteLinks(IOptions<SiteOptions> site)
{
    public string Absolute(string path) => site.Value.Url(path);

    public string Absolute(string path, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(site.Value.Url(path), query.Where(q => q.Value is not null));
}

/// <summary>
/// Which Host headers and forwarded headers the app believes: <c>AllowedHosts</c> defaults to the
/// host of <c>Site:BaseUrl</c> (400 for any other), and <c>X-Forwarded-For/Proto</c> count only
/// from <c>Site:KnownProxies</c>.
/// </summary>
internal static class SiteAddress
{
    public static IServiceCollection AddSiteAddress(this IServiceCollection services, IConfiguration configuration)
    {
        var site = configuration.GetSection(SiteOptions.SectionName).Get<SiteOptions>() ?? new SiteOptions();
        var baseUri = site.BaseUri;
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.SectionName));
        services.AddSingleton<SiteLinks>();

        // An explicit AllowedHosts (even "*") wins; otherwise only the configured host is served.
        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            services.Configure<HostFilteringOptions>(options => options.AllowedHosts = AllowedHostsFor(baseUri));
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no proxy configured, forwarded headers are not read at all: the middleware
            // trusts *every* sender when both of its lists are empty (found by
            // RedirectAndProxyTests.FromAnUnknownAddress_ForwardedHeadersAreIgnored).
            var proxies = KnownProxies(configuration);
            options.ForwardedHeaders = proxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; we trust exactly what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Site:KnownProxies holds '{proxy}', which is not an IP address."));
            }
        });
        return services;
    }

    /// <summary>
    /// <c>Site:KnownProxies</c> (read here only, not bound to SiteOptions) as a list (<c>Site:KnownProxies:0</c>, JSON arrays) or as one
    /// comma-separated value (<c>"10.0.0.5, 10.0.0.6"</c>): the binder silently ignores a plain
    /// string for an array, which left the proxy list empty.
    /// </summary>
    internal static IReadOnlyList<string> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(SiteOptions.SectionName + ":KnownProxies");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    /// <summary>Forwarded headers first (so everything after sees the real client and scheme), then redirects rebased onto the site.</summary>
    public static IApplicationBuilder UseSiteAddress(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        var baseUri = app.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUri;
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                RebaseLocation(context, baseUri);
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>
    /// Framework redirects (Blazor's NavigateTo during static rendering) are absolute URLs built
    /// from the request; point them at the configured site instead.
    /// </summary>
    internal static void RebaseLocation(HttpContext context, Uri baseUri)
    {
        var location = context.Response.Headers.Location.ToString();
        if (location.Length == 0 || !Uri.TryCreate(location, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            return;
        }

        if (string.Equals(target.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.Location = new Uri(baseUri, target.PathAndQuery + target.Fragment).AbsoluteUri;
        }
    }

    private static List<string> AllowedHostsFor(Uri baseUri)
    {
        var hosts = new List<string> { baseUri.IdnHost };
        // A site on loopback (development, tests) is reached as localhost, 127.0.0.1 or [::1] alike.
        if (baseUri.IsLoopback)
        {
            hosts.AddRange(["localhost", "127.0.0.1", "[::1]"]);
        }

        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
