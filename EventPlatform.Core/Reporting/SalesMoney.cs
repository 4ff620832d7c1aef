namespace EventPlatform.Core.Reporting;

/// <summary>
/// The money of a set of sales in one currency, in minor units. Every money figure the dashboards
/// show is defined here, once:
/// <list type="bullet">
/// <item><b>Gross</b>: the face value of the tickets sold (ticket prices before discounts), counted on the day the order was paid.</item>
/// <item><b>Discounts</b>: what coupons took off those prices.</item>
/// <item><b>Platform fees</b>: the fees charged on those orders, whether the buyer paid them on top (passed) or the organizer
/// absorbed them, less the share given back with refunds (a refund returns the fee in proportion, as the gateway does).</item>
/// <item><b>Refunds</b>: money going back to buyers (refunds pending or made, not failed ones), counted on the day of the refund.</item>
/// <item><b>Net</b>: what the organizer keeps: what buyers paid − platform fees − refunds.</item>
/// </list>
/// Orders whose payment arrived after their places were gone (refunded in full at once) never sold anything and are not counted.
/// </summary>
public sealed record SalesMoney(string Currency, long Gross, long Discounts, long FeesPassedToBuyers, long FeesAbsorbed, long FeesReturned,
    long Refunds)
{
    public static SalesMoney Zero(string currency) => new(currency, 0, 0, 0, 0, 0, 0);

    /// <summary>What buyers paid for the orders: gross − discounts + the fees passed to them.</summary>
    public long PaidByBuyers => Gross - Discounts + FeesPassedToBuyers;

    /// <summary>Platform fees kept: charged (passed or absorbed) − given back with refunds.</summary>
    public long PlatformFees => FeesPassedToBuyers + FeesAbsorbed - FeesReturned;

    /// <summary>The organizer's share: what buyers paid − platform fees − refunds.</summary>
    public long Net => PaidByBuyers - PlatformFees - Refunds;

    public SalesMoney Add(SalesMoney other)
    {
        if (other.Currency != Currency)
        {
            throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
        }

        return new SalesMoney(Currency, Gross + other.Gross, Discounts + other.Discounts, FeesPassedToBuyers + other.FeesPassedToBuyers,
            FeesAbsorbed + other.FeesAbsorbed, FeesReturned + other.FeesReturned, Refunds + other.Refunds);
    }
}
