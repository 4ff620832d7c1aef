using EventPlatform.Web.Hosting;
using Microsoft.Extensions.Configuration;
using static EventPlatform.TestSupport.DockerCompose;

namespace EventPlatform.Web.Tests.Hosting;

/// <summary>
/// docker-compose.yml is the deployment these machines cannot run (no Docker engine), so its
/// promises are read from the file: at least two app instances behind the proxy with sticky
/// sessions, each with every setting Production requires, the proxy's address believed, uploads
/// shared.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public void EveryAppInstance_SetsEverySettingProductionRequires()
    {
        var apps = AppServices();
        Assert.True(apps.Count >= 2, "docker-compose.yml should run at least two app instances");
        foreach (var (name, service) in apps)
        {
            var environment = EnvironmentOf(service);
            Assert.Equal("Production", environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
            var missing = ProductionRequirements.Missing(AsConfiguration(environment));
            Assert.True(missing.Count == 0, $"{name} lacks {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void WithoutAnyOneOfThem_TheStartUpCheckRefuses_NamingIt()
    {
        var environment = EnvironmentOf(AppServices().First().Value);
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
        var compose = Load();
        var services = Map(compose["services"]);
        var proxy = Map(services["proxy"]);
        var proxyAddress = (string)Map(Map(proxy["networks"])["backend"])["ipv4_address"];
        var caddyfile = File.ReadAllText(Path.Combine(RepositoryRoot, "deploy", "Caddyfile"));
        Assert.Contains("lb_policy cookie", caddyfile, StringComparison.Ordinal);
        Assert.Contains("health_uri /health/ready", caddyfile, StringComparison.Ordinal);
        var upstreams = caddyfile.Split('\n').Single(l => l.TrimStart().StartsWith("reverse_proxy", StringComparison.Ordinal));
        foreach (var (name, service) in AppServices())
        {
            Assert.Contains($"{name}:8080", upstreams, StringComparison.Ordinal);
            Assert.Equal(proxyAddress, EnvironmentOf(service)["Site__KnownProxies"]);
            // Uploaded images are written by one instance and served by any.
            Assert.Contains("uploads:/data/files", ((List<object>)service["volumes"]).Cast<string>());
        }
    }

    private static IConfiguration AsConfiguration(Dictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e =>
                new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();
}
