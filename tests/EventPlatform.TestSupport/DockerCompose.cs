using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EventPlatform.TestSupport;

/// <summary>The repository's docker-compose.yml as Docker Compose reads it (the <c>&lt;&lt;: *app</c> merges applied).</summary>
public static class DockerCompose
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static Dictionary<object, object> Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    /// <summary>The services built from this repository (<c>build: .</c>): the app instances.</summary>
    public static Dictionary<string, Dictionary<object, object>> AppServices() =>
        Map(Load()["services"])
            .Where(s => Map(s.Value).TryGetValue("build", out var build) && (string)build == ".")
            .ToDictionary(s => (string)s.Key, s => Map(s.Value));

    /// <summary>A service's environment variables, exactly as the file sets them.</summary>
    public static Dictionary<string, string> EnvironmentOf(Dictionary<object, object> service) =>
        Map(service["environment"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);

    public static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EventPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
