using System.Text;

namespace EventPlatform.Core.Ordering.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Writes an export in a format, straight to a stream, and names its file.</summary>
public static class ExportWriter
{
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>
    /// Streams the table's rows to <paramref name="destination"/> as they are read; only asynchronous writes reach it
    /// (a response body refuses synchronous ones).
    /// </summary>
    public static Task WriteAsync(ExportTable table, ExportFormat format, Stream destination, CancellationToken ct = default) => format switch
    {
        ExportFormat.Csv => CsvExportWriter.WriteAsync(table, destination, ct),
        _ => XlsxExportWriter.WriteAsync(table, destination, ct),
    };

    /// <summary>"summer-series-attendees-2026-06-01.csv": the event's slug, what is exported and the day, in safe characters only.</summary>
    public static string FileName(ExportTable table, ExportFormat format, DateOnly day)
    {
        var name = new StringBuilder();
        foreach (var c in $"{table.EventSlug}-{table.Name}".ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return $"{name}-{day:yyyy-MM-dd}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";
    }
}
