namespace EventPlatform.Core.Notifications.Templates;

/// <summary>The emails an organization can word its own way. Each has a default that ships with the product.</summary>
public enum EmailTemplateKind
{
    /// <summary>The order confirmation that carries the tickets (QR codes and calendar file), also sent again on request.</summary>
    OrderConfirmation,
    /// <summary>Tickets cancelled, with what is refunded.</summary>
    Cancellation,
    /// <summary>Sent by the event's reminder rules (by default 24 hours before each session) to the people holding a ticket.</summary>
    Reminder,
}

/// <summary>What a template kind is, for the organizer.</summary>
public static class EmailTemplateKinds
{
    public static IReadOnlyList<EmailTemplateKind> All { get; } = Enum.GetValues<EmailTemplateKind>();

    public static string Title(this EmailTemplateKind kind) => kind switch
    {
        EmailTemplateKind.OrderConfirmation => "Order confirmation and tickets",
        EmailTemplateKind.Cancellation => "Cancellation and refund",
        EmailTemplateKind.Reminder => "Reminder before a session",
        _ => kind.ToString(),
    };

    public static string Explained(this EmailTemplateKind kind) => kind switch
    {
        EmailTemplateKind.OrderConfirmation =>
            "Sent when an order is paid, and again when tickets are resent. The order summary, one QR code per ticket and the calendar file " +
            "are always added below your text.",
        EmailTemplateKind.Cancellation => "Sent when tickets of a paid order are cancelled, by the buyer or by you, with the amount refunded.",
        EmailTemplateKind.Reminder =>
            "Sent by each event's reminders (set on the event's Messages tab; by default 24 hours before each session) to everyone holding a " +
            "ticket for the session. The session placeholders are the session reminded of.",
        _ => "",
    };

    /// <summary>The URL segment of the kind's editor: order-confirmation, cancellation.</summary>
    public static string Slug(this EmailTemplateKind kind) => kind switch
    {
        EmailTemplateKind.OrderConfirmation => "order-confirmation",
        EmailTemplateKind.Cancellation => "cancellation",
        EmailTemplateKind.Reminder => "reminder",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static EmailTemplateKind? FromSlug(string? slug) => All.Cast<EmailTemplateKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}
