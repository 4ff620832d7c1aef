namespace EventPlatform.Core.Tests.Architecture;

/// <summary>The repository's own source files, found from the test's output folder upwards.</summary>
internal static class SourceTree
{
    public static DirectoryInfo Root { get; } = FindRoot();

    /// <summary>The C# and Razor files under <paramref name="project"/>, without build output.</summary>
    public static IEnumerable<FileInfo> SourceFiles(string project) =>
        new DirectoryInfo(Path.Combine(Root.FullName, project))
            .EnumerateFiles("*.*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".cs" or ".razor")
            .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.FullName.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public static string Relative(FileInfo file) => Path.GetRelativePath(Root.FullName, file.FullName);

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EventPlatform.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("EventPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
