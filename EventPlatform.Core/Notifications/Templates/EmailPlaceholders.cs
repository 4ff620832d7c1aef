using System.Text.RegularExpressions;

namespace EventPlatform.Core.Notifications.Templates;

/// <summary>A value an email template can insert: <c>{name}</c>, what it is, and an example for previews.</summary>
public sealed record EmailPlaceholder(string Name, string Description, string Example);

/// <summary>
/// The fixed list of placeholders templates may use, per email kind. A template naming anything
/// else is refused when saved (with the field named), so a typo never reaches a buyer as "{evnt_title}".
/// Values are inserted HTML-encoded into the HTML body and as they are into the subject and the text body.
/// </summary>
public static partial class EmailPlaceholders
{
    public static readonly EmailPlaceholder AttendeeName = new("attendee_name", "the recipient's name", "Ada Lovelace");
    public static readonly EmailPlaceholder EventTitle = new("event_title", "the event's title", "Jazz on the River");
    public static readonly EmailPlaceholder SessionName = new("session_name", "the session's name (the first one, for several)", "Day 1");
    public static readonly EmailPlaceholder SessionStart =
        new("session_start", "when the session starts, in the event's time zone", "Tue 1 Sep 2026, 19:00 (Europe/Berlin)");
    public static readonly EmailPlaceholder Venue = new("venue", "where it happens (venue and address, or Online)", "Riverside Hall, 1 River Road");
    public static readonly EmailPlaceholder OrderNumber = new("order_number", "the order's number", "EP-7K3F9Q2M");
    public static readonly EmailPlaceholder OrderUrl = new("order_url", "the order's page, where the buyer sees, changes or cancels it",
        "https://tickets.example/order/…");
    public static readonly EmailPlaceholder TicketUrl = new("ticket_url", "where the tickets and their QR codes are shown (the order's page)",
        "https://tickets.example/order/…");
    public static readonly EmailPlaceholder EventUrl = new("event_url", "the event's public page", "https://tickets.example/e/jazz-on-the-river");
    public static readonly EmailPlaceholder OrganizationName = new("organization_name", "your organization's name", "Riverside Arts");
    public static readonly EmailPlaceholder TicketsCancelled = new("tickets_cancelled", "how many tickets were cancelled", "2 tickets");
    public static readonly EmailPlaceholder Reason = new("reason", "why they were cancelled", "Cancelled by the buyer");
    public static readonly EmailPlaceholder RefundAmount = new("refund_amount", "the amount refunded", "€45.00");
    public static readonly EmailPlaceholder RefundNote = new("refund_note", "what is refunded and when it arrives, as a sentence",
        "We are refunding €45.00 to your original payment method. Depending on your bank it can take 5–10 days to appear.");

    private static readonly EmailPlaceholder[] Common =
        [AttendeeName, EventTitle, SessionName, SessionStart, Venue, OrderNumber, OrderUrl, TicketUrl, EventUrl, OrganizationName];

    public static IReadOnlyList<EmailPlaceholder> For(EmailTemplateKind kind) => kind switch
    {
        EmailTemplateKind.Cancellation => [.. Common, TicketsCancelled, Reason, RefundAmount, RefundNote],
        _ => Common,
    };

    /// <summary>The placeholders of an organizer's message to the people of an event (the same as a reminder's).</summary>
    public static IReadOnlyList<EmailPlaceholder> ForMessages { get; } = Common;

    /// <summary>
    /// The placeholders named in <paramref name="text"/>: every <c>{word}</c> of letters, digits and
    /// underscores (a capital letter makes it unknown: a typo, refused).
    /// </summary>
    public static IEnumerable<string> Named(string text) => Token().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The names in <paramref name="text"/> that <paramref name="kind"/> does not offer.</summary>
    public static IReadOnlyList<string> Unknown(EmailTemplateKind kind, string text) => Unknown(For(kind), text);

    /// <summary>The names in <paramref name="text"/> that are not among <paramref name="offered"/>.</summary>
    public static IReadOnlyList<string> Unknown(IReadOnlyList<EmailPlaceholder> offered, string text)
    {
        var known = offered.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return Named(text).Where(n => !known.Contains(n)).ToList();
    }

    /// <summary>Replaces each known placeholder with <paramref name="encode"/> of its value; text that is no placeholder stays.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Token().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? encode(value) : m.Value);

    /// <summary>The examples, for a preview with sample values.</summary>
    public static IReadOnlyDictionary<string, string> Examples(EmailTemplateKind kind) => For(kind).ToDictionary(p => p.Name, p => p.Example);

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();
}
