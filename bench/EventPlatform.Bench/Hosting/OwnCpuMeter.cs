using System.Diagnostics;
using System.Globalization;

namespace EventPlatform.Bench;

/// <summary>
/// CPU used during a measurement by this bench — its process (load generator and app) and its own
/// PostgreSQL cluster — and by everything else on the machine (another build or test run on a
/// shared machine), from Linux's /proc. What the bench used per request hardly depends on what
/// else runs; its timings do. Zero where /proc is missing.
/// </summary>
internal sealed class OwnCpuMeter
{
    private const double MsPerTick = 10; // USER_HZ = 100

    private readonly int? _postmaster;
    private readonly double _ownStart;
    private readonly long _machineStart = CpuMeter.MachineBusyMs();
    private readonly long _wallStart = Stopwatch.GetTimestamp();

    public OwnCpuMeter(BenchHost host)
    {
        var pidFile = Path.Combine(host.Cluster.DataDirectory, "postmaster.pid");
        _postmaster = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid) ? pid : null;
        _ownStart = OwnCpuMs();
    }

    public CpuSplit Stop()
    {
        var own = OwnCpuMs() - _ownStart;
        var foreign = Math.Max(0, MachineMs() - own);
        return new CpuSplit(own, foreign, Stopwatch.GetElapsedTime(_wallStart).TotalMilliseconds);
    }

    private double MachineMs() => CpuMeter.MachineBusyMs() - _machineStart;

    /// <summary>This process, and the cluster: its postmaster with the children it reaped, and its live children.</summary>
    private double OwnCpuMs()
    {
        var own = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        if (_postmaster is not { } postmaster || !Directory.Exists("/proc"))
        {
            return own;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && ReadStat(pid) is { } stat
                && (pid == postmaster || stat.Parent == postmaster))
            {
                own += (pid == postmaster ? stat.Ticks + stat.ReapedTicks : stat.Ticks) * MsPerTick;
            }
        }

        return own;
    }

    /// <summary>Fields 4 (parent), 14–15 (own user and system ticks) and 16–17 (reaped children's) of /proc/pid/stat.</summary>
    private static (int Parent, long Ticks, long ReapedTicks)? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }
}

/// <param name="OwnMs">CPU time of the bench's process and its PostgreSQL cluster.</param>
/// <param name="ForeignMs">CPU time of every other process on the machine.</param>
internal sealed record CpuSplit(double OwnMs, double ForeignMs, double WallMs)
{
    /// <summary>Cores other processes kept busy on average.</summary>
    public double ForeignCores => ForeignMs / WallMs;
}
