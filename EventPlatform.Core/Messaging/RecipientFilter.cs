using EventPlatform.Core.Ordering;

namespace EventPlatform.Core.Messaging;

/// <summary>Which tickets of an event a message is about, and whether it goes to their buyers, their attendees or both.</summary>
public sealed record RecipientFilter(
    MessageAudience Audience,
    IReadOnlyList<Guid> SessionIds,
    IReadOnlyList<Guid> TicketTypeIds,
    IReadOnlyList<OrderStatus> OrderStatuses,
    CheckInFilter CheckedIn)
{
    /// <summary>
    /// The order states an organizer can write to: paid (valid tickets), cancelled (cancelled tickets)
    /// and pending (held, unpaid). Expired orders are not offered: those people never bought.
    /// </summary>
    public static IReadOnlyList<OrderStatus> SelectableStatuses { get; } = [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Pending];

    /// <summary>Everyone with a paid ticket, buyers and attendees.</summary>
    public static RecipientFilter Default { get; } = new(MessageAudience.BuyersAndAttendees, [], [], [OrderStatus.Paid], CheckInFilter.Any);
}
