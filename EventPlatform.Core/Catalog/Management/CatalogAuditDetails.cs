namespace EventPlatform.Core.Catalog.Management;

/// <summary><c>event.created</c>: the new event's title and the slug of its address.</summary>
public sealed record EventCreatedDetails(string Title, string Slug);

/// <summary><c>event.updated</c>: the event's title after the change.</summary>
public sealed record EventUpdatedDetails(string Title);

/// <summary><c>event.cover_changed</c>: where the new cover image is stored, and its size in bytes.</summary>
public sealed record EventCoverChangedDetails(string Path, long Bytes);

/// <summary><c>session.created</c> and <c>session.updated</c>: the session as saved.</summary>
public sealed record SessionSavedDetails(string Code, string Name, int Capacity);

/// <summary>
/// <c>ticket_type.created</c> and <c>ticket_type.updated</c>: the type as saved, its price in minor units and the
/// codes of the sessions it admits to.
/// </summary>
public sealed record TicketTypeSavedDetails(string Name, long PriceMinor, string Currency, IReadOnlyList<string> Sessions);
