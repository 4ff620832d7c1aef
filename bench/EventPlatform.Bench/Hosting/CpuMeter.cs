using System.Diagnostics;
using System.Globalization;

namespace EventPlatform.Bench;

/// <summary>
/// CPU spent during a measurement, split into this process (load generator + app code) and the
/// rest of the machine (PostgreSQL, mostly), from Linux's /proc/stat. It tells whether a run is
/// bound by the app's CPU, the database's, or neither (waiting on locks or disk).
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _processStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _machineStart = MachineBusyMs();
    private readonly long _wallStart = Stopwatch.GetTimestamp();

    public CpuUse Stop()
    {
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _processStart).TotalMilliseconds;
        var machine = MachineBusyMs() - _machineStart;
        return new CpuUse(process, Math.Max(0, machine - process), Stopwatch.GetElapsedTime(_wallStart).TotalMilliseconds);
    }

    /// <summary>Busy time of all cores since boot: user + nice + system + irq + softirq (USER_HZ = 100).</summary>
    public static long MachineBusyMs()
    {
        if (!File.Exists("/proc/stat"))
        {
            return 0;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7)) * 10;
    }
}

/// <param name="ProcessMs">CPU time of the bench process (the app's code and the load generator).</param>
/// <param name="OthersMs">CPU time of everything else on the machine (the database).</param>
internal sealed record CpuUse(double ProcessMs, double OthersMs, double WallMs)
{
    /// <summary>Cores kept busy on average, e.g. "app 1.4 + db 0.5 of 2 cores".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"app {ProcessMs / WallMs:0.0} + db {OthersMs / WallMs:0.0} of {Environment.ProcessorCount} cores");
}
