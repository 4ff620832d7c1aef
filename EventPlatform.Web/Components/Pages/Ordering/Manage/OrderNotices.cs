using EventPlatform.Core.Ordering.Cancellation;

namespace EventPlatform.Web.Components.Pages.Ordering.Manage;

/// <summary>What the organizer is told after an action on an order.</summary>
public static class OrderNotices
{
    /// <summary>"2 tickets cancelled, €40.00 refunded." / "1 ticket cancelled, nothing refunded."</summary>
    public static string Cancelled(CancellationDone done)
    {
        var tickets = done.TicketsCancelled == 1 ? "1 ticket" : $"{done.TicketsCancelled} tickets";
        return done.Refund.IsZero ? $"{tickets} cancelled, nothing refunded." : $"{tickets} cancelled, {done.Refund.Format()} refunded.";
    }

    public static string Tickets(int count) => count == 1 ? "1 ticket" : $"{count} tickets";
}
