namespace EventPlatform.Core.Ordering.Exports;

/// <summary>What a column holds, so each writer can give it its own type (XLSX: text, number or date cells).</summary>
public enum ExportColumnKind
{
    /// <summary>A <see cref="string"/>.</summary>
    Text,
    /// <summary>A whole number (<see cref="long"/>).</summary>
    Count,
    /// <summary>Money in major units (<see cref="decimal"/>); the row says its currency in a column of its own.</summary>
    Amount,
    /// <summary>A local date and time (<see cref="DateTime"/> in the event's zone, which the header names).</summary>
    DateTime,
}

public sealed record ExportColumn(string Header, ExportColumnKind Kind);

/// <summary>
/// One export, ready to write: its columns, and its rows as a stream read from the database while
/// they are written (each row holds one value per column, null for an empty cell). The rows can be
/// enumerated once; the database context they are read with lives exactly as long as that enumeration.
/// </summary>
/// <param name="Name">What is exported ("orders", "attendees"): the sheet's name and part of the file name.</param>
public sealed record ExportTable(string Name, string EventSlug, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows);
