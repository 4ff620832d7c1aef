namespace EventPlatform.Core.Catalog;

/// <summary>
/// What a buyer picks: a price for a set of sessions (one or more), with its own optional cap,
/// per-order limits and sales window. <see cref="Taken"/> is a guard counter kept in the purchase
/// transaction, like the sessions'.
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
    /// <summary>Early-bird price, valid until <see cref="EarlyBirdUntil"/> and/or while fewer than <see cref="EarlyBirdQuantity"/> are
    /// taken (sold or held: a held early-bird place counts until its hold ends).</summary>
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
    /// <summary>Tickets of this type sold or held: its guard counter, as <see cref="Session.Taken"/>.</summary>
    public int Taken { get; set; }

    public List<TicketTypeSession> Sessions { get; set; } = [];

    public Money Price => new(PriceMinor, Currency);

    /// <summary>
    /// A copy with another counter, sharing the session links (an <see cref="Browsing.EventDefinition"/>'s type with the counter
    /// read now).
    /// </summary>
    public TicketType WithTaken(int taken)
    {
        var copy = (TicketType)MemberwiseClone();
        copy.Taken = taken;
        return copy;
    }
}

/// <summary>A session included in a ticket type.</summary>
public class TicketTypeSession
{
    public Guid TicketTypeId { get; set; }
    public Guid SessionId { get; set; }
    public Session? Session { get; set; }
}

/// <summary>Turns stored rows into the inputs of <see cref="AvailabilityRule"/>.</summary>
public static class CatalogCounters
{
    /// <param name="sessionsById">The event's sessions; those the type includes are picked.</param>
    public static TicketTypeCounters For(TicketType type, IReadOnlyDictionary<Guid, Session> sessionsById) => new(
        type.IsActive,
        type.Visibility,
        type.QuantityCap,
        type.Taken,
        type.MinPerOrder,
        type.MaxPerOrder,
        type.SalesStartAt,
        type.SalesEndAt,
        type.Sessions.Where(s => sessionsById.ContainsKey(s.SessionId)).Select(s => sessionsById[s.SessionId].Counters)
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList());

    /// <summary>The most places this type could ever sell: its cap, or its smallest session.</summary>
    public static int Capacity(TicketTypeCounters counters) =>
        Math.Min(counters.QuantityCap ?? int.MaxValue, counters.Sessions.Count == 0 ? 0 : counters.Sessions.Min(s => s.Capacity));
}
