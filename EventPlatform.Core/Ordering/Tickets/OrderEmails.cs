using System.Globalization;
using System.Text;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering.Checkout;
using static EventPlatform.Core.Notifications.BrandedEmail;

namespace EventPlatform.Core.Ordering.Tickets;

/// <summary>The emails of an order's life: confirmation with tickets, cancellations and refunds.</summary>
public static class OrderEmails
{
    public const string ConfirmationKind = "order.confirmation";

    /// <summary>
    /// The organization's confirmation wording (<paramref name="email"/>), then what it always carries:
    /// the order summary, one QR code per valid ticket (inline images), the sessions as an .ics file,
    /// and the way to see every order in one place: signing in with this email (an email link works
    /// for a guest too, and creates the account).
    /// </summary>
    public static EmailMessage Confirmation(TemplatedEmail email, OrderView view, string eventUrl, string signInUrl)
    {
        var order = view.Order;
        var ev = view.Event;
        var tickets = view.Tickets.Where(t => t.Status == TicketStatus.Valid).ToList();
        var html = new StringBuilder();
        var text = new StringBuilder();
        AppendSummary(view, html, text);

        var attachments = new List<EmailAttachment>();
        html.Append("<h2 style=\"font-size:18px;margin:24px 0 8px\">Your tickets</h2>");
        text.AppendLine("Your tickets:");
        foreach (var ticket in tickets)
        {
            var contentId = $"ticket-{ticket.Position}-{order.Number}@eventplatform";
            attachments.Add(new EmailAttachment($"ticket-{ticket.Position}.png", "image/png", QrCodes.Png(ticket.Code), contentId));
            html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" " +
                    "style=\"border:1px solid #e5e7eb;border-radius:8px;margin:0 0 12px\"><tr>")
                .Append("<td style=\"padding:12px;width:180px\"><img src=\"cid:").Append(Encode(contentId))
                    .Append("\" width=\"160\" height=\"160\" alt=\"QR code of ticket ").Append(ticket.Position.ToString(CultureInfo.InvariantCulture))
                    .Append("\" style=\"display:block\"></td>")
                .Append("<td style=\"padding:12px;font-size:15px;line-height:1.5\"><strong>").Append(Encode(ticket.TicketTypeName))
                    .Append("</strong><br>")
                .Append(Encode(ticket.AttendeeName ?? "")).Append("<br><span style=\"color:#6b7280;font-size:12px;word-break:break-all\">")
                .Append(Encode(ticket.Code)).Append("</span></td></tr></table>");
            text.Append("- ").Append(ticket.TicketTypeName).Append(", ").Append(ticket.AttendeeName).Append(": ").AppendLine(ticket.Code);
        }

        html.Append("<p style=\"font-size:14px;line-height:1.5;margin:16px 0 0\">See all your tickets in one place: <a href=\"")
            .Append(Encode(signInUrl)).Append("\">sign in with this email</a> (").Append(Encode(order.BuyerEmail ?? "")).Append(").</p>");
        text.AppendLine().Append("See all your tickets in one place: sign in with this email (").Append(order.BuyerEmail).Append(") at ")
            .AppendLine(signInUrl);

        attachments.Add(new EmailAttachment(EventCalendar.FileName(ev), "text/calendar", EventCalendar.Build(ev, view.Sessions, eventUrl)));
        var layout = email.Layout() with { ExtraHtml = html.ToString(), ExtraText = text.ToString() };
        return layout.ToMessage(order.BuyerEmail!, email.Wording.Subject, ConfirmationKind) with { Attachments = attachments, OrderId = order.Id };
    }

    /// <summary>The placeholders' values of <paramref name="view"/>'s order, for its emails (<see cref="EmailPlaceholders"/>).</summary>
    public static Dictionary<string, string> Values(OrderView view, string orderUrl, string eventUrl)
    {
        var ev = view.Event;
        var first = view.Sessions.OrderBy(s => s.StartsAt).FirstOrDefault();
        return new Dictionary<string, string>
        {
            [EmailPlaceholders.AttendeeName.Name] = view.Order.BuyerName ?? view.Order.BuyerEmail ?? "",
            [EmailPlaceholders.EventTitle.Name] = ev.Title,
            [EmailPlaceholders.SessionName.Name] = first?.Name ?? "",
            [EmailPlaceholders.SessionStart.Name] = first is null ? "" : EventTime.Format(first.StartsAt, ev.TimeZone),
            [EmailPlaceholders.Venue.Name] = Messaging.RecipientValues.Venue(ev),
            [EmailPlaceholders.OrderNumber.Name] = view.Order.Number,
            [EmailPlaceholders.OrderUrl.Name] = orderUrl,
            [EmailPlaceholders.TicketUrl.Name] = orderUrl,
            [EmailPlaceholders.EventUrl.Name] = eventUrl,
        };
    }

    /// <summary>The values a cancellation adds: how many tickets, why, and what is refunded.</summary>
    public static Dictionary<string, string> CancellationValues(OrderView view, string orderUrl, string eventUrl, int ticketsCancelled,
        long refundMinor, string reason)
    {
        var refund = new Money(refundMinor, view.Order.Currency);
        var values = Values(view, orderUrl, eventUrl);
        values[EmailPlaceholders.TicketsCancelled.Name] = ticketsCancelled == 1 ? "1 ticket" : $"{ticketsCancelled} tickets";
        values[EmailPlaceholders.Reason.Name] = reason;
        values[EmailPlaceholders.RefundAmount.Name] = refund.Format();
        values[EmailPlaceholders.RefundNote.Name] = refundMinor > 0
            ? $"We are refunding {refund.Format()} to your original payment method. Depending on your bank it can take 5–10 days to appear."
            : "No payment was taken for these tickets, so there is nothing to refund.";
        return values;
    }

    public static EmailMessage Cancelled(TemplatedEmail email, OrderView view) =>
        email.Layout().ToMessage(view.Order.BuyerEmail!, email.Wording.Subject, "order.cancelled") with { OrderId = view.Order.Id };

    public static EmailMessage LatePaymentRefunded(string brand, OrderView view, long amountMinor, string eventUrl)
    {
        var order = view.Order;
        var paragraphs = new List<string>
        {
            $"Your payment for order {order.Number} ({view.Event.Title}) arrived after your reservation had run out, " +
                "and the places were taken by then.",
            $"We did not issue tickets and are refunding the full {new Money(amountMinor, order.Currency).Format()} to your original payment method.",
            "We are sorry. If places become free again you can buy them on the event page.",
        };
        return new BrandedEmail(brand, "Your payment was refunded", paragraphs, "Go to the event", eventUrl)
            .ToMessage(order.BuyerEmail!, $"Refunded: {view.Event.Title} ({order.Number})",
                "order.late_payment_refunded") with { OrderId = order.Id };
    }

    private static void AppendSummary(OrderView view, StringBuilder html, StringBuilder text)
    {
        var ev = view.Event;
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"font-size:14px;margin:8px 0 16px\">");
        foreach (var session in view.Sessions)
        {
            var when = EventTime.FormatRange(session.StartsAt, session.EndsAt, ev.TimeZone);
            Row(html, session.Name, when);
            text.Append(session.Name).Append(": ").AppendLine(when);
        }

        var where = Messaging.RecipientValues.Venue(ev);
        Row(html, "Where", where);
        text.Append("Where: ").AppendLine(where);
        foreach (var group in view.Tickets.Where(t => t.Status == TicketStatus.Valid).GroupBy(t => t.TicketTypeName))
        {
            var line = $"{group.Count()} × {group.Key}";
            var amount = new Money(group.Sum(t => t.UnitPrice.AmountMinor), view.Order.Currency).Format();
            Row(html, line, amount);
            text.Append(line).Append(": ").AppendLine(amount);
        }

        if (view.Order.DiscountMinor > 0)
        {
            Row(html, $"Discount ({view.Order.CouponCode})", "−" + view.Discount.Format());
            text.Append("Discount: -").AppendLine(view.Discount.Format());
        }

        if (view.Order.FeePassedToBuyer && view.Order.FeeMinor > 0)
        {
            Row(html, "Service fee", view.Fee.Format());
            text.Append("Service fee: ").AppendLine(view.Fee.Format());
        }

        Row(html, "<strong>Total paid</strong>", "<strong>" + Encode(view.Total.Format()) + "</strong>", encoded: true);
        text.Append("Total paid: ").AppendLine(view.Total.Format());
        html.Append("</table>");
    }

    private static void Row(StringBuilder html, string label, string value, bool encoded = false) =>
        html.Append("<tr><td style=\"padding:4px 0;color:#374151\">").Append(encoded ? label : Encode(label))
            .Append("</td><td style=\"padding:4px 0;text-align:right\">").Append(encoded ? value : Encode(value)).Append("</td></tr>");
}
