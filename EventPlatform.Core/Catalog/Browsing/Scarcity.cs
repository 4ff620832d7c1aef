namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>When to say "few left" and "sold out".</summary>
public static class Scarcity
{
    /// <summary>"Few left" at or below this many places, or below a tenth of the capacity.</summary>
    public const int FewLeftThreshold = 10;

    public static ScarcityBadge For(TicketAvailability availability, int capacity) => availability.Reason switch
    {
        ConstraintReason.SoldOut => ScarcityBadge.SoldOut,
        ConstraintReason.None when availability.Remaining <= FewLeftThreshold || availability.Remaining * 10 < capacity => ScarcityBadge.FewLeft,
        _ => ScarcityBadge.None,
    };

    /// <summary>An event is sold out when none of its listed ticket types can be bought for lack of places; few left when the best one is
    /// scarce.</summary>
    public static ScarcityBadge ForEvent(IReadOnlyList<(TicketAvailability Availability, int Capacity)> types)
    {
        if (types.Count == 0)
        {
            return ScarcityBadge.None;
        }

        if (types.All(t => t.Availability.Reason is ConstraintReason.SoldOut or ConstraintReason.SessionFull))
        {
            return ScarcityBadge.SoldOut;
        }

        var open = types.Where(t => t.Availability.IsPurchasable).ToList();
        return open.Count > 0 && open.All(t => For(t.Availability, t.Capacity) == ScarcityBadge.FewLeft) ? ScarcityBadge.FewLeft : ScarcityBadge.None;
    }
}
