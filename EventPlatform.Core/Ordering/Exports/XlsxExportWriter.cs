using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>
/// XLSX written as it is read: the sheet goes out row by row through the SDK's forward-only OpenXmlWriter (no DOM of
/// the sheet), inside a zip in Create mode that streams to the destination. Numbers are numeric cells, dates are
/// date-time numbers with a date format, text is inline (no shared string table to keep in memory), and the header
/// row is bold and frozen.
/// </summary>
internal static class XlsxExportWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // The writer reads only an element's name from these: one instance each serves every row and cell.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new();

    public static async Task WriteAsync(ExportTable table, Stream destination, CancellationToken ct)
    {
        var drain = new DrainStream(destination);
        var references = table.Columns.Select((_, i) => ColumnName(i + 1)).ToArray();
        using (var zip = new ZipArchive(drain, ZipArchiveMode.Create, leaveOpen: true))
        {
            XlsxParts.WriteFixedParts(zip, table.Name);
            using var part = zip.CreateEntry(XlsxParts.SheetPath, CompressionLevel.Fastest).Open();
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(FrozenHeader());
            writer.WriteElement(new Columns(table.Columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(c.Header.Length + 4, 12, 40), CustomWidth = true,
            })));
            writer.WriteStartElement(new SheetData());
            var cell = new Cells(writer, references);
            cell.StartRow(1);
            foreach (var column in table.Columns)
            {
                cell.Text(column.Header, XlsxParts.HeaderStyle);
            }

            writer.WriteEndElement();
            var rowNumber = 1;
            await foreach (var row in table.Rows.WithCancellation(ct))
            {
                cell.StartRow(++rowNumber);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    cell.Value(row[i]);
                }

                writer.WriteEndElement();
                if (drain.IsFull)
                {
                    await drain.DrainAsync(ct);
                }
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        await drain.DrainAsync(ct);
    }

    /// <summary>The first row stays in view while scrolling (a frozen pane below it).</summary>
    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        WorkbookViewId = 0,
    });

    /// <summary>1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Writes the cells of the current row; one attribute list is reused for all of them.</summary>
    private sealed class Cells(OpenXmlWriter writer, string[] references)
    {
        private readonly List<OpenXmlAttribute> _attributes = new(3);
        private string _row = "1";
        private int _column;

        public void StartRow(int number)
        {
            _row = number.ToString(CultureInfo.InvariantCulture);
            _column = 0;
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", "", _row));
            writer.WriteStartElement(RowElement, _attributes);
        }

        public void Value(object? value)
        {
            switch (value)
            {
                case null:
                    // An empty cell is left out; the next cell's reference keeps the columns in place.
                    _column++;
                    break;
                case string text:
                    Text(text, 0);
                    break;
                case DateTime at:
                    Number(at.ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxParts.DateTimeStyle);
                    break;
                case decimal amount:
                    Number(amount.ToString(CultureInfo.InvariantCulture), XlsxParts.AmountStyle);
                    break;
                case long count:
                    Number(count.ToString(CultureInfo.InvariantCulture), 0);
                    break;
                default:
                    Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0);
                    break;
            }
        }

        public void Text(string text, uint style)
        {
            Start(style, "inlineStr");
            writer.WriteStartElement(InlineStringElement);
            var safe = SpreadsheetText.XmlSafe(text);
            _attributes.Clear();
            if (safe.Length > 0 && (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])))
            {
                _attributes.Add(new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve"));
            }

            writer.WriteStartElement(TextElement, _attributes);
            writer.WriteString(safe);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void Number(string value, uint style)
        {
            Start(style, null);
            writer.WriteStartElement(ValueElement);
            writer.WriteString(value);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void Start(uint style, string? type)
        {
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", "", references[_column++] + _row));
            if (style != 0)
            {
                _attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
            }

            if (type is not null)
            {
                _attributes.Add(new OpenXmlAttribute("t", "", type));
            }

            writer.WriteStartElement(CellElement, _attributes);
        }
    }
}
