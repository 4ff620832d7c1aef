using EventPlatform.Core.Messaging;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;

namespace EventPlatform.Web.Components.Pages.Messaging;

/// <summary>The words the message pages use for a message's choices and states.</summary>
public static class MessageLabels
{
    public static string Audience(MessageAudience audience) => audience switch
    {
        MessageAudience.Buyers => "Buyers",
        MessageAudience.Attendees => "Attendees",
        _ => "Buyers and attendees",
    };

    public static string OrderState(OrderStatus status) => status switch
    {
        OrderStatus.Paid => "Paid (valid tickets)",
        OrderStatus.Cancelled => "Cancelled tickets",
        OrderStatus.Pending => "Pending (in checkout, unpaid)",
        _ => status.ToString(),
    };

    public static string CheckIn(CheckInFilter filter) => filter switch
    {
        CheckInFilter.CheckedIn => "Checked in",
        CheckInFilter.NotCheckedIn => "Not checked in",
        _ => "Checked in or not",
    };

    public static string Delivery(OutboxEmailStatus status) => status switch
    {
        OutboxEmailStatus.Sent => "Sent",
        OutboxEmailStatus.Failed => "Failed",
        _ => "Queued",
    };

    /// <summary>What the message's time is, in its state: when it went, goes, or would have gone.</summary>
    public static string WhenLabel(AttendeeMessageStatus status) => status switch
    {
        AttendeeMessageStatus.Sent => "Sent",
        AttendeeMessageStatus.Scheduled => "Sends",
        _ => "Was due",
    };
}
