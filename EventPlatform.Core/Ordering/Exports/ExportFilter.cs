namespace EventPlatform.Core.Ordering.Exports;

/// <summary>
/// Which rows an export holds. Dates are days in the event's time zone, both included, and apply to
/// when the order was paid, or created when it was never paid.
/// </summary>
/// <param name="SessionId">Only tickets (attendees) or orders with a ticket whose type includes this session.</param>
/// <param name="TicketTypeId">Only tickets of this type, or orders with one.</param>
/// <param name="Status">Only orders in this state.</param>
public sealed record ExportFilter(Guid? SessionId = null, Guid? TicketTypeId = null, OrderStatus? Status = null, DateOnly? From = null,
    DateOnly? To = null);
