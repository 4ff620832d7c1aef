using EventPlatform.Core.Common;

namespace EventPlatform.Core.Tests.Architecture;

/// <summary>
/// Core says what it needs from the database; Data says how, for PostgreSQL
/// (docs/decisions/0004-data-seam.md). These keep the seam from eroding one shortcut at a time.
/// </summary>
public class CoreHasNoSqlTests
{
    private static readonly string[] RawSqlApis = ["FromSql", "ExecuteSql", "SqlQuery", "GetDbConnection", "SqlState"];

    [Fact]
    public void CoreSource_UsesNoRawSqlApi()
    {
        var offenders = SourceTree.SourceFiles("EventPlatform.Core")
            .SelectMany(f => File.ReadLines(f.FullName).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => RawSqlApis.Any(api => l.Text.Contains(api, StringComparison.Ordinal)))
            .Select(l => $"{SourceTree.Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Raw SQL in Core (move it behind an interface in Data):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void CoreAssembly_DoesNotReferenceTheDatabaseDriver()
    {
        var references = typeof(IAppDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
