namespace EventPlatform.Core.Catalog;

/// <summary>The unit price a buyer pays for a ticket type right now.</summary>
public static class TicketPricing
{
    /// <summary>
    /// The lowest price the buyer qualifies for: the regular price, the member price (members),
    /// and the early-bird price while its date has not passed and its quantity is not sold.
    /// </summary>
    public static Money UnitPrice(TicketType type, BuyerContext buyer, DateTimeOffset now)
    {
        var price = type.PriceMinor;
        if (buyer.IsMember && type.MemberPriceMinor is { } member)
        {
            price = Math.Min(price, member);
        }

        if (IsEarlyBirdOn(type, now) && type.EarlyBirdPriceMinor is { } early)
        {
            price = Math.Min(price, early);
        }

        return new Money(price, type.Currency);
    }

    public static bool IsEarlyBirdOn(TicketType type, DateTimeOffset now) =>
        type.EarlyBirdPriceMinor is not null
        && (type.EarlyBirdUntil is null || now < type.EarlyBirdUntil)
        && (type.EarlyBirdQuantity is null || type.Taken < type.EarlyBirdQuantity)
        && (type.EarlyBirdUntil is not null || type.EarlyBirdQuantity is not null);
}
