namespace EventPlatform.Core.Common.Events;

/// <summary>
/// What an event's public listing shows changed: details, sessions, ticket types, status, or (with
/// no <see cref="EventId"/>) an organization's name or logo shown on every card of its events.
/// </summary>
public sealed record CatalogChanged(Guid? EventId) : IDomainEvent;

/// <summary>Places were held for a pending order.</summary>
public sealed record PlacesHeld(Guid EventId, Guid OrderId, int Tickets) : IChangesEventPage;

/// <summary>
/// Places went back on sale: a hold expired or was replaced, or paid tickets were cancelled.
/// Counted per session and per ticket type, as the capacity ledger released them.
/// </summary>
public sealed record CapacityReleased(
    Guid EventId, Guid OrderId, IReadOnlyDictionary<Guid, int> BySession, IReadOnlyDictionary<Guid, int> ByTicketType) : IChangesEventPage;

/// <summary>An order became paid (by the gateway, for free, or marked paid offline by an organizer).</summary>
public sealed record OrderPaid(Guid EventId, Guid OrderId, Guid OrganizationId, long TotalMinor, string Currency) : IChangesEventPage;

/// <summary>
/// Money of an order goes back to the buyer: tickets cancelled by the buyer or an organizer (the
/// refund is sent after the commit), a refund made outside at the gateway's dashboard, or a payment
/// that arrived after the hold ran out and the places were gone.
/// </summary>
public sealed record OrderRefunded(Guid EventId, Guid OrderId, Guid OrganizationId, long AmountMinor, string Currency) : IChangesEventPage;

/// <summary>A ticket was admitted to a session (its first valid scan there).</summary>
public sealed record TicketCheckedIn(Guid EventId, Guid SessionId, Guid TicketId, Guid CheckInId) : IChangesEventPage;

/// <summary>A check-in was taken back within the undo window (a wrong scan, a wrong session): the ticket may enter again.</summary>
public sealed record CheckInUndone(Guid EventId, Guid SessionId, Guid TicketId, Guid CheckInId) : IChangesEventPage;

/// <summary>A payment notification changed an order of the event (paid, refunded or disputed at the gateway).</summary>
public sealed record EventPageChanged(Guid EventId) : IChangesEventPage;
