using EventPlatform.Web.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EventPlatform.Web.Tests.Hosting;

/// <summary>
/// Issue 15: docker-compose.yml is the deployment these machines cannot run (no Docker engine), so
/// its promises are read from the file: at least two app instances behind the proxy with sticky
/// sessions, each with every setting Production requires, the proxy's address believed, uploads shared.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void EveryAppInstance_SetsEverySettingProductionRequires()
    {
        var apps = AppServices();
        Assert.True(apps.Count >= 2, "docker-compose.yml should run at least two app instances");
        foreach (var (name, service) in apps)
        {
            var environment = Environment(service);
            Assert.Equal("Production", environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
            var missing = ProductionRequirements.Missing(AsConfiguration(environment));
            Assert.True(missing.Count == 0, $"{name} lacks {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void WithoutAnyOneOfThem_ProductionRefusesToStart()
    {
        var environment = Environment(AppServices().First().Value);
        foreach (var setting in ProductionRequirements.Settings.Keys)
        {
            var without = environment.Where(e => e.Key != setting.Replace(":", "__", StringComparison.Ordinal)).ToDictionary();
            Assert.Equal([setting], ProductionRequirements.Missing(AsConfiguration(without)));
            var refusal = Assert.Throws<InvalidOperationException>(() => ProductionRequirements.ThrowIfMissing(AsConfiguration(without)));
            Assert.Contains(setting.Replace(":", "__", StringComparison.Ordinal), refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheProxy_SendsEachBrowserToOneInstance_AndIsTheOnlyProxyBelieved()
    {
        var compose = Compose();
        var services = Map(compose["services"]);
        var proxy = Map(services["proxy"]);
        var proxyAddress = (string)Map(Map(proxy["networks"])["backend"])["ipv4_address"];
        var caddyfile = File.ReadAllText(Path.Combine(Root, "deploy", "Caddyfile"));
        Assert.Contains("lb_policy cookie", caddyfile, StringComparison.Ordinal);
        Assert.Contains("health_uri /health/ready", caddyfile, StringComparison.Ordinal);
        var upstreams = caddyfile.Split('\n').Single(l => l.TrimStart().StartsWith("reverse_proxy", StringComparison.Ordinal));
        foreach (var (name, service) in AppServices())
        {
            Assert.Contains($"{name}:8080", upstreams, StringComparison.Ordinal);
            Assert.Equal(proxyAddress, Environment(service)["Site__KnownProxies"]);
            // Uploaded images are written by one instance and served by any.
            Assert.Contains("uploads:/data/files", ((List<object>)service["volumes"]).Cast<string>());
        }
    }

    private static Dictionary<string, Dictionary<object, object>> AppServices() =>
        Map(Compose()["services"])
            .Where(s => Map(s.Value).TryGetValue("build", out var build) && (string)build == ".")
            .ToDictionary(s => (string)s.Key, s => Map(s.Value));

    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        Map(service["environment"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);

    private static IConfiguration AsConfiguration(Dictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();

    /// <summary>The file as Docker Compose reads it, with the <c>&lt;&lt;: *app</c> merges applied.</summary>
    private static Dictionary<object, object> Compose()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EventPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
