namespace EventPlatform.Web.Hosting;

/// <summary>
/// What a real installation must configure: in Production the app refuses to start without it,
/// naming what is missing, rather than run on a guess — an embedded database inside a container
/// (each instance its own, lost with the container), links in emails pointing at localhost, no
/// mail server. <c>docker-compose.yml</c> sets all of it (a test reads the file and checks).
/// </summary>
public static class ProductionRequirements
{
    /// <summary>Each setting (in configuration's spelling) with why it is needed.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["ConnectionStrings:Default"] = "the PostgreSQL server every instance shares (without it, each would start a database of its own)",
        ["Site:BaseUrl"] = "the public address every link in emails, tickets and redirects is built from",
        ["Smtp:Host"] = "the mail server for tickets, sign-in links and confirmations",
    };

    /// <summary>The required settings that are unset or blank.</summary>
    public static IReadOnlyList<string> Missing(IConfiguration configuration) =>
        Settings.Keys.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();

    public static void ThrowIfMissing(IConfiguration configuration)
    {
        var missing = Missing(configuration);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "Production needs these settings (environment variables use __ for :): " +
                string.Join("; ", missing.Select(key => $"{key.Replace(":", "__", StringComparison.Ordinal)} — {Settings[key]}")) + ".");
        }
    }
}
