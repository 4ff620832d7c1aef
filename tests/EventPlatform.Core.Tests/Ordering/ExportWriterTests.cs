using System.Runtime.CompilerServices;
using EventPlatform.Core.Ordering.Exports;
using EventPlatform.TestSupport.Exports;

namespace EventPlatform.Core.Tests.Ordering;

/// <summary>The CSV and XLSX writers over a table made here (the queries behind them: Data.Tests' ExportTests).</summary>
public class ExportWriterTests
{
    private static readonly ExportColumn[] Columns =
    [
        new("Name", ExportColumnKind.Text), new("Tickets", ExportColumnKind.Count), new("Paid", ExportColumnKind.Amount),
        new("Paid at (Europe/Berlin)", ExportColumnKind.DateTime), new("=Question", ExportColumnKind.Text),
    ];

    private static readonly DateTime PaidAt = new(2026, 6, 1, 18, 30, 0);

    public static TheoryData<string, string> Hostile => new()
    {
        { "a, b", "a, b" }, { "say \"hi\"", "say \"hi\"" }, { "line 1\nline 2", "line 1\nline 2" }, { "=1+1", "'=1+1" },
        { "+1", "'+1" }, { "-1", "'-1" }, { "@SUM(A1:A9)", "'@SUM(A1:A9)" }, { "\tx", "'\tx" },
        { "=HYPERLINK(\"x\",\"y\")", "'=HYPERLINK(\"x\",\"y\")" },
        { "Zoë 日本", "Zoë 日本" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Csv_ReadBack_HasTheBom_QuotesRfc4180_AndNeutralisesFormulas(string name, string expected)
    {
        var bytes = await WriteAsync(ExportFormat.Csv, [[name, 2L, 12.50m, PaidAt, null]]);

        var records = ExportFiles.ReadCsv(bytes);
        Assert.Equal(new string?[] { "Name", "Tickets", "Paid", "Paid at (Europe/Berlin)", "'=Question" }, records[0]);
        Assert.Equal(new[] { expected, "2", "12.50", "2026-06-01 18:30:00", "" }, records[1]);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task Csv_QuotesWhatNeedsIt_AndLeavesNumbersAlone()
    {
        var bytes = await WriteAsync(ExportFormat.Csv, [["a, \"b\"", 1L, -5.00m, null, null]]);

        var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal("Name,Tickets,Paid,Paid at (Europe/Berlin),\"'=Question\"\r\n\"a, \"\"b\"\"\",1,-5.00,,\r\n", text);
    }

    [Fact]
    public async Task Xlsx_ReadBackWithTheSdk_IsValid_NumbersAreNumbers_DatesAreDates_HeaderBoldAndFrozen()
    {
        var bytes = await WriteAsync(ExportFormat.Xlsx, [["=1+1 \u0001", 3L, 1234.50m, PaidAt, null], [" Zoë ", 0L, 0m, null, "yes"]]);

        var sheet = ExportFiles.ReadXlsx(bytes);
        Assert.Empty(sheet.ValidationErrors);
        Assert.True(sheet.HeaderFrozen);
        Assert.All(sheet.Header, h => Assert.True(h.IsBold));
        Assert.Equal(Columns.Select(c => c.Header), sheet.Header.Select(h => h.Text));
        var first = sheet.Rows[0];
        // Text cells are typed as text, which a spreadsheet never evaluates; a control character is dropped.
        Assert.Equal("=1+1 ", first["Name"].Text);
        Assert.Equal(3, first["Tickets"].Number);
        Assert.Equal(1234.5, first["Paid"].Number);
        Assert.False(first["Paid"].IsDate);
        Assert.Equal(PaidAt, first["Paid at (Europe/Berlin)"].Date);
        Assert.False(first.ContainsKey("=Question"));
        Assert.Equal(" Zoë ", sheet.Rows[1]["Name"].Text);
        Assert.Equal("yes", sheet.Rows[1]["=Question"].Text);
        Assert.Equal(2, sheet.Rows.Count);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task BothWriters_WriteOnlyAsynchronously_InChunks_AsTheRowsCome(ExportFormat format)
    {
        var destination = new AsyncOnlyStream();
        var rows = ManyRowsAsync(20_000, destination);

        await ExportWriter.WriteAsync(new ExportTable("attendees", "summer", Columns, rows), format, destination);

        // The first bytes left before the last row was read: the file is streamed, not built and then sent.
        Assert.True(destination.WrittenBeforeLastRow > 0);
        Assert.True(destination.Writes > 3, $"{destination.Writes} writes");
        Assert.True(destination.LargestWrite <= 256 * 1024, $"largest write {destination.LargestWrite} bytes");
        if (format == ExportFormat.Xlsx)
        {
            Assert.Equal(20_000, ExportFiles.ReadXlsx(destination.ToArray()).Rows.Count);
        }
        else
        {
            Assert.Equal(20_001, ExportFiles.ReadCsv(destination.ToArray()).Count);
        }
    }

    [Fact]
    public void FileName_IsTheSlugWhatAndDay_InSafeCharacters()
    {
        var table = new ExportTable("attendees", "Sommer Fest/../x", Columns, ManyRowsAsync(0, null));

        Assert.Equal("sommer-fest----x-attendees-2026-06-01.xlsx", ExportWriter.FileName(table, ExportFormat.Xlsx, new DateOnly(2026, 6, 1)));
    }

    private static async Task<byte[]> WriteAsync(ExportFormat format, object?[][] rows)
    {
        var destination = new AsyncOnlyStream();
        await ExportWriter.WriteAsync(new ExportTable("orders", "summer", Columns, RowsAsync(rows)), format, destination);
        return destination.ToArray();
    }

    private static async IAsyncEnumerable<object?[]> RowsAsync(object?[][] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async IAsyncEnumerable<object?[]> ManyRowsAsync(int count, AsyncOnlyStream? destination,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == count - 1 && destination is not null)
            {
                destination.WrittenBeforeLastRow = destination.Length;
            }

            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return [$"Attendee {i}, \"quoted\"", (long)i, i * 0.01m, PaidAt.AddMinutes(i), i % 2 == 0 ? "yes" : null];
        }
    }

    /// <summary>A response body: refuses synchronous writes (as ASP.NET Core does), counts the asynchronous ones.</summary>
    private sealed class AsyncOnlyStream : MemoryStream
    {
        private bool _writingAsync;

        public int Writes { get; private set; }
        public int LargestWrite { get; private set; }
        public long WrittenBeforeLastRow { get; set; }

        public override bool CanSeek => false;

        public override void Write(byte[] buffer, int offset, int count)
        {
            Assert.True(_writingAsync, "Synchronous write.");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Assert.True(_writingAsync, "Synchronous write.");
            base.Write(buffer);
        }

        public override void Flush() => throw new InvalidOperationException("Synchronous flush.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            _writingAsync = true;
            base.Write(buffer.Span);
            _writingAsync = false;
            return ValueTask.CompletedTask;
        }
    }
}
