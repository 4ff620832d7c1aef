using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EventPlatform.Bench;

/// <summary>
/// With <c>--profile</c>: what the opened circuits added to the managed heap, by type. A heap dump
/// of this process (the app runs in it) is taken with the dotnet-dump tool before and after the
/// pages open (each right after a full collection), and the growth of each type's shallow size
/// (<c>dumpheap -stat</c>) is printed per circuit. dotnet-gcdump was tried first: it runs an
/// EventPipe session inside the process, whose own allocations were counted as the circuits', and
/// on .NET 10 it may drop objects of a large heap. Needs <c>dotnet tool install -g dotnet-dump</c>;
/// without it the profile says so and the run goes on.
/// </summary>
internal static partial class CircuitHeapProfile
{
    private static readonly string Tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools",
        "dotnet-dump");

    /// <returns>
    /// A file with the heap's statistics (<c>dumpheap -stat</c>), or null when the tool is missing or
    /// failed. Kept on disk, not in memory: parsed, the first snapshot's thousands of type names would
    /// be counted in the second one, and in the heap growth the bench measures meanwhile.
    /// </returns>
    public static async Task<string?> SnapshotAsync()
    {
        if (!File.Exists(Tool))
        {
            Console.Error.WriteLine($"circuits profile: {Tool} not found (dotnet tool install -g dotnet-dump)");
            return null;
        }

        var dump = Path.Combine(Path.GetTempPath(), $"ep-circuits-{Guid.NewGuid():N}.dmp");
        try
        {
            if (await RunAsync("collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--type", "Heap", "-o", dump) is null
                || await RunAsync("analyze", dump, "-c", "dumpheap -stat", "-c", "exit") is not { } output)
            {
                return null;
            }

            var statistics = Path.ChangeExtension(dump, ".txt");
            await File.WriteAllTextAsync(statistics, output);
            return statistics;
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task<string?> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"circuits profile: dotnet-dump {arguments[0]} failed: {await errors}{await output}");
            return null;
        }

        return await output;
    }

    private static Dictionary<string, (long Bytes, long Count)> Parse(string output)
    {
        var byType = new Dictionary<string, (long Bytes, long Count)>();
        foreach (Match line in TypeLine().Matches(output))
        {
            var type = line.Groups["type"].Value.Trim();
            var (bytes, count) = byType.GetValueOrDefault(type);
            byType[type] = (bytes + Number(line.Groups["bytes"].Value), count + Number(line.Groups["count"].Value));
        }

        return byType;
    }

    /// <summary>The growth between two snapshots, per circuit, largest first; the snapshots' files are deleted.</summary>
    public static string Describe(string beforeFile, string afterFile, int circuits, int top = 30)
    {
        var before = Parse(File.ReadAllText(beforeFile));
        var after = Parse(File.ReadAllText(afterFile));
        File.Delete(beforeFile);
        File.Delete(afterFile);
        // Free space between objects is not objects: GC.GetTotalMemory, which the bench reports, does not count it either.
        var free = after.GetValueOrDefault("Free").Bytes - before.GetValueOrDefault("Free").Bytes;
        before.Remove("Free");
        after.Remove("Free");
        var growth = after.Select(a => (Type: a.Key, Bytes: a.Value.Bytes - before.GetValueOrDefault(a.Key).Bytes,
                Count: a.Value.Count - before.GetValueOrDefault(a.Key).Count))
            .Where(g => g.Bytes > 0).OrderByDescending(g => g.Bytes).ToList();
        var total = growth.Sum(g => g.Bytes) - before.Where(b => !after.ContainsKey(b.Key)).Sum(b => b.Value.Bytes);
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture,
            $"Heap growth by type per circuit ({circuits} circuits; shallow sizes from dotnet-dump; {total / 1024.0 / circuits:0.0} KiB in all, " +
            $"and {free / 1024.0 / circuits:0.0} KiB more free space between objects):");
        text.AppendLine("KiB per circuit | objects per circuit | type");
        foreach (var g in growth.Take(top))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{g.Bytes / 1024.0 / circuits,8:0.0} | {g.Count / (double)circuits,8:0.0} | {g.Type}");
        }

        return text.ToString();
    }

    private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    // "dumpheap -stat": method table, count, total size, type.
    [GeneratedRegex(@"^\s*[0-9a-f]{8,16}\s+(?<count>[\d,]+)\s+(?<bytes>[\d,]+)\s+(?<type>\S.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
