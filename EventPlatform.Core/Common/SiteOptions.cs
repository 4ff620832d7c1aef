namespace EventPlatform.Core.Common;

/// <summary>Where the site is reachable, for links in emails sent without a request at hand (webhooks, workers).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>Absolute base URL without a trailing slash, e.g. https://tickets.example.org.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
