namespace EventPlatform.Core.Catalog;

/// <summary>Where an event is in its life. Only <see cref="Published"/> events are on sale.</summary>
public enum EventStatus
{
    Draft,
    /// <summary>Will be published automatically at <see cref="Event.PublishAt"/>.</summary>
    Scheduled,
    Published,
    /// <summary>The last session has ended.</summary>
    Completed,
    Cancelled,
}

/// <summary>Who can find an event.</summary>
public enum EventVisibility
{
    /// <summary>Listed in the catalog and search.</summary>
    Public,
    /// <summary>Reachable by its link only.</summary>
    Unlisted,
    /// <summary>Only the organization's members can see it.</summary>
    MembersOnly,
}

public enum EventCategory
{
    Class,
    Workshop,
    Social,
    Conference,
    Concert,
    Sports,
    Other,
}

/// <summary>How a session's places are sold. Only general admission exists so far; the others come with seat maps.</summary>
public enum SeatingMode
{
    GeneralAdmission,
    ReservedSeating,
    Tables,
}

/// <summary>Who sees a ticket type.</summary>
public enum TicketVisibility
{
    Public,
    /// <summary>Shown only once a coupon code unlocks it.</summary>
    Hidden,
    MembersOnly,
}
