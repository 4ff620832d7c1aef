namespace EventPlatform.Core.Tests.Architecture;

/// <summary>
/// Lines of at most 150 characters, so a diff reads side by side: C# and Razor alike, everywhere
/// (migrations are generated).
/// </summary>
public class LineLengthTests
{
    private const int MaxLength = 150;

    /// <summary>Long lines allowed per file, each with its reason.</summary>
    private static readonly Dictionary<string, int> KnownLongLines = new(StringComparer.Ordinal)
    {
        // A stored generated column's SQL: wrapping it would change the column's definition.
        ["EventPlatform.Data/Catalog/SearchVectors.cs"] = 1,
    };

    [Fact]
    public void NoSourceFile_HasMoreLongLinesThanAllowed()
    {
        var projects = new[] { "EventPlatform.Core", "EventPlatform.Data", "EventPlatform.Web", "tests", "bench" };
        var offenders = projects.SelectMany(SourceTree.SourceFiles)
            .Select(f => (Path: SourceTree.Relative(f).Replace('\\', '/'), File: f))
            .Where(f => !f.Path.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(f => (f.Path, Long: File.ReadLines(f.File.FullName).Count(l => l.Length > MaxLength)))
            .Where(f => f.Long > KnownLongLines.GetValueOrDefault(f.Path))
            .Select(f => $"{f.Path}: {f.Long} lines over {MaxLength} characters (allowed {KnownLongLines.GetValueOrDefault(f.Path)})")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }
}
