using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering;

namespace EventPlatform.Core.Messaging;

/// <summary>Who of the selected tickets' people a message goes to.</summary>
public enum MessageAudience
{
    /// <summary>The buyer of each order with a selected ticket.</summary>
    Buyers,
    /// <summary>The attendee named on each selected ticket (its buyer when the ticket has no email).</summary>
    Attendees,
    /// <summary>Both, one email per address.</summary>
    BuyersAndAttendees,
}

/// <summary>Whether a selected ticket has been checked in (to a selected session, or to any when none is selected).</summary>
public enum CheckInFilter
{
    Any,
    CheckedIn,
    NotCheckedIn,
}

public enum AttendeeMessageStatus
{
    /// <summary>Waiting for its time; it can still be cancelled.</summary>
    Scheduled,
    /// <summary>Its recipients were chosen and one outbox email per recipient was queued (the delivery log shows each).</summary>
    Sent,
    /// <summary>Cancelled before it went.</summary>
    Cancelled,
    /// <summary>Not sent when its time came (<see cref="AttendeeMessage.RefusedReason"/>: the daily limit, or an Admin is needed).</summary>
    Refused,
}

/// <summary>
/// An organizer's email to the people of one event: who (<see cref="Audience"/> and the filters),
/// what (a subject and a Markdown body with placeholders), and when. At its time the sending
/// worker picks the recipients as they are then and queues one outbox email per address, in one
/// transaction with the status change, so a message goes out once.
/// </summary>
public class AttendeeMessage
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 20_000;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid EventId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    public MessageAudience Audience { get; set; }
    /// <summary>Only tickets that include one of these sessions; empty = every session.</summary>
    public List<Guid> SessionIds { get; set; } = [];
    /// <summary>Only tickets of these types; empty = every type.</summary>
    public List<Guid> TicketTypeIds { get; set; } = [];
    /// <summary>Only tickets of orders in these states (<see cref="RecipientFilter.SelectableStatuses"/>).</summary>
    public List<OrderStatus> OrderStatuses { get; set; } = [];
    public CheckInFilter CheckedIn { get; set; }

    public AttendeeMessageStatus Status { get; set; }
    /// <summary>When it goes (now, for "send now").</summary>
    public DateTimeOffset SendAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    /// <summary>Scheduled by an Admin or Owner, so it may go to more than the platform's limit of recipients for Managers.</summary>
    public bool ScheduledByAdmin { get; set; }
    /// <summary>How many addresses it was queued for (set when sent).</summary>
    public int RecipientCount { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid? CancelledByUserId { get; set; }
    public string? RefusedReason { get; set; }

    public RecipientFilter Filter => new(Audience, SessionIds, TicketTypeIds, OrderStatuses, CheckedIn);

    /// <summary>The message as an email's wording: its subject is also the heading at the top of the email.</summary>
    public EmailWording Wording => WordingOf(Subject, Body);

    /// <summary>A message's subject is also the heading at the top of its email.</summary>
    public static EmailWording WordingOf(string subject, string body) => new(subject, subject, body, false);
}
