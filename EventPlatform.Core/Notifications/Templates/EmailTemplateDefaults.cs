namespace EventPlatform.Core.Notifications.Templates;

/// <summary>The wording every organization starts with: the product's own emails, written with the placeholders.</summary>
public static class EmailTemplateDefaults
{
    public static EmailWording For(EmailTemplateKind kind) => kind switch
    {
        EmailTemplateKind.OrderConfirmation => new EmailWording(
            "Your tickets for {event_title} ({order_number})",
            "You're going to {event_title}",
            """
            Thank you for your order {order_number}. Show the QR code of each ticket at the entrance, on your phone or printed.

            [View your order]({order_url})

            Keep this email: the link above lets you view, change or cancel your order.
            """,
            true),
        EmailTemplateKind.Cancellation => new EmailWording(
            "Cancelled: {event_title} ({order_number})",
            "Your tickets were cancelled",
            """
            Cancelled: {tickets_cancelled} of your order {order_number} for {event_title}.

            Reason: {reason}.

            {refund_note}

            [View your order]({order_url})
            """,
            true),
        EmailTemplateKind.Reminder => new EmailWording(
            "Reminder: {event_title}, {session_start}",
            "See you soon at {event_title}",
            """
            Hello {attendee_name},

            this is a reminder that **{session_name}** of {event_title} starts {session_start}.

            Where: {venue}

            Bring your ticket's QR code, on your phone or printed: it is in the confirmation email of the order.

            [The event's page]({event_url})
            """,
            true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
