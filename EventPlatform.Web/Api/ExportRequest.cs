using System.Globalization;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Exports;

namespace EventPlatform.Web.Api;

/// <summary>
/// An export's address read strictly: /events/{id}/exports/{orders|attendees}.{csv|xlsx}?session=&amp;type=&amp;status=&amp;from=&amp;to=.
/// Every value must be what the export panel sends (an id, a status name, a yyyy-MM-dd day), at most once; anything else is refused
/// with a message naming the parameter, never guessed at.
/// </summary>
internal sealed record ExportRequest(bool Attendees, ExportFormat Format, ExportFilter Filter)
{
    private static readonly string[] Known = ["session", "type", "status", "from", "to"];

    public static (ExportRequest? Request, string? Problem) Parse(string file, IQueryCollection query)
    {
        var (what, format) = file switch
        {
            "orders.csv" => ("orders", ExportFormat.Csv),
            "orders.xlsx" => ("orders", ExportFormat.Xlsx),
            "attendees.csv" => ("attendees", ExportFormat.Csv),
            "attendees.xlsx" => ("attendees", ExportFormat.Xlsx),
            _ => ((string?)null, ExportFormat.Csv),
        };
        if (what is null)
        {
            return (null, "Export orders.csv, orders.xlsx, attendees.csv or attendees.xlsx.");
        }

        if (query.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return (null, $"Unknown filter '{Shorten(unknown)}': use session, type, status, from and to.");
        }

        if (query.FirstOrDefault(q => q.Value.Count > 1) is { Key: { } repeated })
        {
            return (null, $"Give '{repeated}' once.");
        }

        var problems = new List<string>();
        var session = Id(query, "session", "a session id of this event", problems);
        var type = Id(query, "type", "a ticket type id of this event", problems);
        OrderStatus? status = null;
        if (Value(query, "status") is { } statusText)
        {
            // Names only: Enum.TryParse would also take "1" or "Paid,Expired".
            status = Enum.GetValues<OrderStatus>().Select(s => (OrderStatus?)s).FirstOrDefault(s => s.ToString() == statusText);
            if (status is null)
            {
                problems.Add($"'status' must be one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }
        }

        var from = Day(query, "from", problems);
        var to = Day(query, "to", problems);
        return problems.Count > 0
            ? (null, string.Join(" ", problems))
            : (new ExportRequest(what == "attendees", format, new ExportFilter(session, type, status, from, to)), null);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static Guid? Id(IQueryCollection query, string name, string what, List<string> problems)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        if (Guid.TryParseExact(text, "D", out var id))
        {
            return id;
        }

        problems.Add($"'{name}' must be {what}.");
        return null;
    }

    private static DateOnly? Day(IQueryCollection query, string name, List<string> problems)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"'{name}' must be a date written yyyy-MM-dd.");
        return null;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
