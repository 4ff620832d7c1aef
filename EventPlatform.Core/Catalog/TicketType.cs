namespace EventPlatform.Core.Catalog;

/// <summary>
/// What a buyer picks: a price for a set of sessions (one or more), with its own optional cap,
/// per-order limits and sales window. <see cref="Sold"/> and <see cref="Held"/> are counters kept
/// in the purchase transaction, like the sessions'.
/// </summary>
public class TicketType
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    public long PriceMinor { get; set; }
    public required string Currency { get; set; }
    /// <summary>What organization members pay instead, when set.</summary>
    public long? MemberPriceMinor { get; set; }
    /// <summary>Early-bird price, valid until <see cref="EarlyBirdUntil"/> and/or while fewer than <see cref="EarlyBirdQuantity"/> are sold.</summary>
    public long? EarlyBirdPriceMinor { get; set; }
    public DateTimeOffset? EarlyBirdUntil { get; set; }
    public int? EarlyBirdQuantity { get; set; }

    /// <summary>Total tickets of this type that may be sold; null = limited by the sessions only.</summary>
    public int? QuantityCap { get; set; }
    public int MinPerOrder { get; set; } = 1;
    public int MaxPerOrder { get; set; } = 10;
    public DateTimeOffset? SalesStartAt { get; set; }
    public DateTimeOffset SalesEndAt { get; set; }
    public TicketVisibility Visibility { get; set; } = TicketVisibility.Public;
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Sold { get; set; }
    public int Held { get; set; }

    public List<TicketTypeSession> Sessions { get; set; } = [];

    public Money Price => new(PriceMinor, Currency);
}

/// <summary>A session included in a ticket type.</summary>
public class TicketTypeSession
{
    public Guid TicketTypeId { get; set; }
    public Guid SessionId { get; set; }
    public Session? Session { get; set; }
}
