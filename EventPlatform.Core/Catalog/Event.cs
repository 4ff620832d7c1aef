namespace EventPlatform.Core.Catalog;

/// <summary>
/// Something an organization publishes: one or more sessions, sold through ticket types. All
/// times are stored in UTC and shown in <see cref="TimeZone"/>.
/// </summary>
public class Event
{
    public const int TitleMinLength = 3;
    public const int TitleMaxLength = 200;
    public const int ShortDescriptionMaxLength = 500;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Title { get; set; }
    /// <summary>Unique within the organization; the public address is /e/{slug}.</summary>
    public required string Slug { get; set; }
    public string? ShortDescription { get; set; }
    /// <summary>Markdown, rendered as sanitized HTML.</summary>
    public string? Description { get; set; }
    public EventCategory Category { get; set; } = EventCategory.Other;
    public List<string> Tags { get; set; } = [];

    public bool IsOnline { get; set; }
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public int? VenueCapacity { get; set; }
    /// <summary>Shown only to ticket holders.</summary>
    public string? OnlineJoinUrl { get; set; }

    /// <summary>IANA time zone id, e.g. Europe/Berlin.</summary>
    public required string TimeZone { get; set; }
    public string? CoverImagePath { get; set; }
    public string? Policies { get; set; }
    /// <summary>Refundable until this many hours before the first session starts; null = not refundable.</summary>
    public int? RefundableUntilHoursBefore { get; set; }
    /// <summary>The platform fee is added to the buyer's total; otherwise the organizer absorbs it.</summary>
    public bool PassFeeToBuyer { get; set; } = true;
    public EventVisibility Visibility { get; set; } = EventVisibility.Public;

    public EventStatus Status { get; set; } = EventStatus.Draft;
    /// <summary>When a Scheduled event publishes itself.</summary>
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The number the next session's code gets (S1, S2, …); never decreases, so codes are never reused.</summary>
    public int NextSessionNumber { get; set; } = 1;

    public List<Session> Sessions { get; set; } = [];
    public List<TicketType> TicketTypes { get; set; } = [];
}
