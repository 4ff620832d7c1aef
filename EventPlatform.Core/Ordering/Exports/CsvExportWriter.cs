using CsvHelper;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>
/// CSV as spreadsheets open it: UTF-8 with a byte order mark (Excel otherwise reads it in the local code page),
/// RFC 4180 (CRLF, fields with commas, quotes or line breaks quoted, quotes doubled), and text that a spreadsheet
/// would run as a formula (starting with = + - @, tab or CR) prefixed with a single quote, as OWASP advises.
/// CsvHelper applies that to text fields only, so amounts and dates stay numbers.
/// </summary>
internal static class CsvExportWriter
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(ExportTable table, Stream destination, CancellationToken ct)
    {
        // CsvHelper can flush asynchronously itself; the drain keeps the export to one rule for both formats (only
        // DrainAsync touches the response) and lets it choose the chunk size.
        var drain = new DrainStream(destination);
        await using (var csv = CsvWriter.Create(drain, Options, leaveOpen: true))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Header);
            }

            await csv.EndRecordAsync(ct);
            await foreach (var row in table.Rows.WithCancellation(ct))
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    Write(csv, row[i]);
                }

                await csv.EndRecordAsync(ct);
                if (drain.IsFull)
                {
                    await drain.DrainAsync(ct);
                }
            }
        }

        await drain.DrainAsync(ct);
    }

    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case DateTime at:
                csv.WriteField(at, DateTimeFormat);
                break;
            case decimal amount:
                csv.WriteField(amount, "");
                break;
            case long count:
                csv.WriteField(count, "");
                break;
            default:
                csv.WriteField(value.ToString());
                break;
        }
    }
}
