using System.Globalization;
using System.Text;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering.Checkout;
using static EventPlatform.Core.Notifications.BrandedEmail;

namespace EventPlatform.Core.Ordering.Tickets;

/// <summary>The emails of an order's life: confirmation with tickets, cancellations and refunds.</summary>
public static class OrderEmails
{
    public const string ConfirmationKind = "order.confirmation";

    /// <summary>
    /// One QR code per valid ticket (inline images), the order summary, the sessions as an .ics file,
    /// and the way to see every order in one place: signing in with this email (an email link works
    /// for a guest too, and creates the account).
    /// </summary>
    public static EmailMessage Confirmation(string brand, OrderView view, string orderUrl, string eventUrl, string signInUrl)
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
        var email = new BrandedEmail(
            brand,
            $"You're going to {ev.Title}",
            [$"Thank you for your order {order.Number}. Show the QR code of each ticket at the entrance, on your phone or printed."],
            "View your order",
            orderUrl,
            "Keep this email: the link above lets you view, change or cancel your order.")
        {
            ExtraHtml = html.ToString(),
            ExtraText = text.ToString(),
        };
        return email.ToMessage(order.BuyerEmail!, $"Your tickets for {ev.Title} ({order.Number})", ConfirmationKind) with { Attachments = attachments,
            OrderId = order.Id };
    }

    public static EmailMessage Cancelled(string brand, OrderView view, int ticketsCancelled, long refundMinor, string reason, string orderUrl)
    {
        var order = view.Order;
        var refund = new Money(refundMinor, order.Currency);
        var paragraphs = new List<string>
        {
            ticketsCancelled == 1
                ? $"One ticket of your order {order.Number} for {view.Event.Title} was cancelled."
                : $"{ticketsCancelled} tickets of your order {order.Number} for {view.Event.Title} were cancelled.",
            $"Reason: {reason}.",
            refundMinor > 0
                ? $"We are refunding {refund.Format()} to your original payment method. Depending on your bank it can take 5–10 days to appear."
                : "No payment was taken for these tickets, so there is nothing to refund.",
        };
        return new BrandedEmail(brand, "Your tickets were cancelled", paragraphs, "View your order", orderUrl)
            .ToMessage(order.BuyerEmail!, $"Cancelled: {view.Event.Title} ({order.Number})", "order.cancelled") with { OrderId = order.Id };
    }

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

        var where = ev.IsOnline ? "Online" : string.Join(", ", new[] { ev.VenueName, ev.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
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
