namespace EventPlatform.Core.Common;

/// <summary>
/// Where the site is reachable. Every absolute link (in emails, QR codes, calendar files, the
/// sitemap, redirects) is built from <see cref="BaseUrl"/>, never from the request's Host header,
/// which anyone can set.
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>Absolute base URL without a trailing slash, e.g. https://tickets.example.org.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    // Site:KnownProxies is read by the web layer itself (SiteAddress.KnownProxies), which accepts a list or one comma-separated value.

    /// <summary>The base URL parsed; start-up refuses a value that is not an absolute http(s) URL.</summary>
    public Uri BaseUri => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new InvalidOperationException(
            $"Site:BaseUrl must be an absolute http or https URL, like https://tickets.example.org (it is '{BaseUrl}').");

    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
