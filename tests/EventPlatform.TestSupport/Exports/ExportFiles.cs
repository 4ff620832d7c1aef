using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace EventPlatform.TestSupport.Exports;

/// <summary>One XLSX cell read back: its text, or its number and whether its style formats it as a date.</summary>
public sealed record XlsxCell(string? Text, double? Number, bool IsDate, bool IsBold)
{
    public DateTime? Date => IsDate && Number is { } n ? DateTime.FromOADate(n) : null;
}

/// <summary>A sheet read back with the OpenXML SDK, by header name.</summary>
public sealed record XlsxSheet(IReadOnlyList<XlsxCell> Header, IReadOnlyList<IReadOnlyDictionary<string, XlsxCell>> Rows, bool HeaderFrozen,
    IReadOnlyList<string> ValidationErrors);

/// <summary>Reads exports back the way a spreadsheet would: the CSV with CsvHelper's reader, the XLSX with the OpenXML SDK.</summary>
public static class ExportFiles
{
    /// <summary>The records as text, header first. Fails when the UTF-8 byte order mark is missing.</summary>
    public static IReadOnlyList<string?[]> ReadCsv(byte[] bytes)
    {
        Xunit.Assert.True(bytes is [0xEF, 0xBB, 0xBF, ..], "The CSV starts with the UTF-8 byte order mark.");
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var records = new List<string?[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        return records;
    }

    public static XlsxSheet ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        var sheetPart = workbook.WorksheetParts.Single();
        var pane = sheetPart.Worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
        var frozen = pane is not null && pane.State?.Value == PaneStateValues.Frozen && pane.VerticalSplit?.Value == 1;

        XlsxCell Read(Cell cell)
        {
            var format = formats[(int)(cell.StyleIndex?.Value ?? 0)];
            var bold = fonts[(int)(format.FontId?.Value ?? 0)].GetFirstChild<Bold>() is not null;
            var numberFormat = format.NumberFormatId?.Value ?? 0;
            var isDate = numberFormat is >= 14 and <= 22 || (numberFormat >= 164 && IsDateFormat(workbook, numberFormat));
            if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
            {
                return new XlsxCell(null, double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), isDate, bold);
            }

            return new XlsxCell(cell.InlineString?.Text?.Text ?? cell.CellValue?.Text, null, false, bold);
        }

        var rows = sheetPart.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(Read).ToList();
        var names = rows[0].Elements<Cell>().ToDictionary(c => Column(c.CellReference!), c => Read(c).Text!);
        var data = rows.Skip(1).Select(r => (IReadOnlyDictionary<string, XlsxCell>)r.Elements<Cell>()
            .ToDictionary(c => names[Column(c.CellReference!)], Read)).ToList();
        return new XlsxSheet(header, data, frozen, errors);
    }

    private static bool IsDateFormat(WorkbookPart workbook, uint id) =>
        workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Any(f => f.NumberFormatId?.Value == id && f.FormatCode!.Value!.Contains("yy", StringComparison.Ordinal)) == true;

    private static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
}
