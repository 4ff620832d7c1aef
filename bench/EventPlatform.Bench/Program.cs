using System.Globalization;
using System.Text;

namespace EventPlatform.Bench;

/// <summary>
/// ./scripts/bench.sh [--scenarios onsale,pages,fanout,kiosk,exports] [--runs 3] [--buyers 16,64,256] [--catalog-sizes 1000,10000,100000]
/// [--subscribers 100,1000] [--export-sizes 10000,100000] [--results-file latest.md] [--profile]
/// (not top-level statements: those would make a second <c>Program</c> next to the web app's).
/// </summary>
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        ConnectionOpens.Install();

        await using var host = await BenchHost.StartAsync();
        var report = new StringBuilder();
        report.AppendLine("# EventPlatform bench").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; PostgreSQL from the app's " +
                $"launcher with fsync and synchronous_commit on. The load generator, the app and the database share the machine.")
            .AppendLine(CultureInfo.InvariantCulture,
                $"Each figure: median of {options.Runs} runs (min–max). Run at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; scenarios: " +
                $"{string.Join(", ", options.Scenarios)}.").AppendLine();

        if (options.Includes("onsale"))
        {
            report.AppendLine(await OnSaleReport.RunAsync(host, options));
        }

        if (options.Includes("pages") || options.Includes("fanout"))
        {
            await using var app = BenchWebApp.Start(host);
            if (options.Includes("pages"))
            {
                report.AppendLine(await PageRender.RunAsync(host, app, options));
            }

            if (options.Includes("fanout"))
            {
                report.AppendLine(await FanOutReport.RunAsync(host, app, options));
            }
        }

        if (options.Includes("kiosk"))
        {
            report.AppendLine(await KioskScans.RunAsync(host, options));
        }

        if (options.Includes("exports"))
        {
            report.AppendLine(await ExportsReport.RunAsync(host, options));
        }

        var text = report.ToString();
        Console.WriteLine(text);
        var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, options.ResultsFile), text);
    }
}
