using System.Diagnostics;
using System.Globalization;
using System.Text;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Exports;
using EventPlatform.Core.Organizations;

namespace EventPlatform.Bench;

internal sealed record ExportRun(int Rows, ExportFormat Format, double Seconds, long Bytes, long AllocatedBytes, long PeakHeapBytes);

/// <summary>
/// The exports scenario: the attendees export of 10,000 and 100,000 paid tickets through the Core query (as an Analyst) and each
/// writer to a counting null stream, with its time, what it allocated, and the managed heap's peak above where it started (sampled
/// every 5 ms after a full collection). Streaming means the peak stays about the same from 10k to 100k rows: the ratio says so.
/// </summary>
internal static class ExportsReport
{
    public static async Task<string> RunAsync(BenchHost host, BenchOptions options)
    {
        var report = new StringBuilder()
            .AppendLine("## 6. Exports").AppendLine()
            .AppendLine("The attendees export (one row per ticket: 21 columns with 3 session columns, 2 questions and 3 check-in times) read " +
                "by the Core query (AsNoTracking, streamed) and written by the CSV (CsvHelper) and XLSX (OpenXmlWriter in a streamed zip) " +
                "writers to a null stream. Peak heap: the managed heap's highest sample during the export above its size before it, after " +
                "a full collection; the rows are never all in memory, so it should not grow with them.").AppendLine()
            .AppendLine("| rows | format | seconds | rows/s | file MB | allocated MB | peak heap above start MB |")
            .AppendLine("|---|---|---|---|---|---|---|");
        var runs = new List<ExportRun>();
        foreach (var size in options.ExportSizes)
        {
            var (eventId, analystId) = await ExportSeed.SeedAsync(host, size);
            var exports = new EventExports(host.Db, new CatalogAccess(new OrganizationAccess(host.Db, new Analyst(analystId))));
            foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
            {
                // One unmeasured pass compiles the query and warms the writers.
                if (size == options.ExportSizes[0])
                {
                    await RunOnceAsync(exports, eventId, format);
                }

                for (var r = 0; r < options.Runs; r++)
                {
                    runs.Add(await RunOnceAsync(exports, eventId, format));
                    var last = runs[^1];
                    Console.Error.WriteLine($"exports: {size} rows {format}: {last.Seconds:0.00} s, peak heap +{Mb(last.PeakHeapBytes):0.0} MB");
                }
            }
        }

        foreach (var group in runs.GroupBy(r => (r.Rows, r.Format)))
        {
            var seconds = Stats.Median(group.Select(r => r.Seconds));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Rows:N0} | {group.Key.Format} | {Stats.MedianSpread(group.Select(r => r.Seconds), "0.00")} | " +
                $"{group.Key.Rows / seconds:N0} | {Mb(group.First().Bytes):0.0} | " +
                $"{Mb(Stats.Median(group.Select(r => (double)r.AllocatedBytes))):0} | " +
                $"{Stats.MedianSpread(group.Select(r => Mb(r.PeakHeapBytes)), "0.0")} |");
        }

        report.AppendLine();
        var sizes = options.ExportSizes;
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            double Peak(int rows) => Stats.Median(runs.Where(r => r.Rows == rows && r.Format == format).Select(r => (double)r.PeakHeapBytes));
            double Time(int rows) => Stats.Median(runs.Where(r => r.Rows == rows && r.Format == format).Select(r => r.Seconds));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- {format}, {sizes[^1]:N0} vs {sizes[0]:N0} rows ({(double)sizes[^1] / sizes[0]:0}× the rows): peak heap ×" +
                $"{Peak(sizes[^1]) / Peak(sizes[0]):0.00}, time ×{Time(sizes[^1]) / Time(sizes[0]):0.0}.");
        }

        report.AppendLine(CultureInfo.InvariantCulture,
            $"- The bench process's peak working set over the whole run: {Mb(Process.GetCurrentProcess().PeakWorkingSet64):0} MB " +
            $"(it also hosts the bench's own services; PostgreSQL runs apart).");
        return report.ToString();
    }

    private static async Task<ExportRun> RunOnceAsync(EventExports exports, Guid eventId, ExportFormat format)
    {
        var table = (await exports.AttendeesAsync(eventId, new ExportFilter())).Value!;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var destination = new CountingNullStream();
        var clock = Stopwatch.StartNew();
        await ExportWriter.WriteAsync(table, format, destination);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await sampling.CancelAsync();
        await sampler;
        var rows = (int)(await CountRowsAsync(exports, eventId));
        return new ExportRun(rows, format, clock.Elapsed.TotalSeconds, destination.Written, allocated, Math.Max(0, peak - baseline));
    }

    private static async Task<long> CountRowsAsync(EventExports exports, Guid eventId)
    {
        long count = 0;
        await foreach (var _ in (await exports.AttendeesAsync(eventId, new ExportFilter())).Value!.Rows)
        {
            count++;
        }

        return count;
    }

    private static double Mb(double bytes) => bytes / (1024 * 1024);

    private sealed class Analyst(Guid userId) : ICurrentUser
    {
        public Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken = default) => Task.FromResult<Guid?>(userId);
    }

    /// <summary>Stream.Null that counts what it was given (asynchronously, as a response body would be written).</summary>
    private sealed class CountingNullStream : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
