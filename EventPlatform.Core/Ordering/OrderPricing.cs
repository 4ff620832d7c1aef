namespace EventPlatform.Core.Ordering;

/// <summary>The platform fee that applies to one order: percent of the amount after discount, plus a fixed part.</summary>
public sealed record FeeRule(decimal Percent, long FixedMinor, bool PassedToBuyer);

/// <summary>One ticket line as pricing sees it.</summary>
public sealed record PricedTicketInput(Guid TicketTypeId, long UnitPriceMinor);

/// <summary>The price of an order, and how it splits over its tickets (so single tickets can be refunded exactly).</summary>
public sealed record OrderPrice(
    long SubtotalMinor,
    long DiscountMinor,
    long FeeMinor,
    long TotalMinor,
    IReadOnlyList<long> TicketDiscounts,
    IReadOnlyList<long> TicketFees);

/// <summary>
/// subtotal − discount + fee (when passed to the buyer) = total, all in minor units.
/// The discount and the buyer-paid fee are spread over the tickets in proportion to their prices
/// (largest remainder first), so that the tickets' shares add up exactly to the order's amounts.
/// </summary>
public static class OrderPricing
{
    public static OrderPrice Compute(IReadOnlyList<PricedTicketInput> tickets, Coupon? coupon, FeeRule fee)
    {
        var subtotal = tickets.Sum(t => t.UnitPriceMinor);
        var eligible = tickets.Select(t => coupon is not null && coupon.AppliesToType(t.TicketTypeId) ? t.UnitPriceMinor : 0L).ToList();
        var eligibleTotal = eligible.Sum();
        var discount = coupon is null ? 0 : coupon.Kind switch
        {
            CouponKind.Percent => (long)Math.Floor(eligibleTotal * Math.Clamp(coupon.PercentOff, 0m, 100m) / 100m),
            CouponKind.FixedAmount => Math.Min(coupon.AmountOffMinor, eligibleTotal),
            _ => 0,
        };
        var discounts = Spread(discount, eligible);
        var net = tickets.Select((t, i) => t.UnitPriceMinor - discounts[i]).ToList();
        var afterDiscount = subtotal - discount;

        // Free orders carry no fee: nothing is charged, so nothing is taken.
        var feeAmount = afterDiscount <= 0 ? 0 : (long)Math.Round(afterDiscount * fee.Percent / 100m, MidpointRounding.AwayFromZero) + fee.FixedMinor;
        var fees = fee.PassedToBuyer ? Spread(feeAmount, net) : tickets.Select(_ => 0L).ToList();
        var total = afterDiscount + (fee.PassedToBuyer ? feeAmount : 0);
        return new OrderPrice(subtotal, discount, feeAmount, total, discounts, fees);
    }

    /// <summary>Splits <paramref name="amount"/> in proportion to <paramref name="weights"/>; the parts sum to it exactly.</summary>
    public static IReadOnlyList<long> Spread(long amount, IReadOnlyList<long> weights)
    {
        var parts = new long[weights.Count];
        var total = weights.Sum();
        if (amount <= 0 || weights.Count == 0)
        {
            return parts;
        }

        if (total <= 0)
        {
            // Nothing to weigh by (all free): even split.
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = amount / parts.Length + (i < amount % parts.Length ? 1 : 0);
            }

            return parts;
        }

        var remainders = new (decimal Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)amount * weights[i] / total;
            parts[i] = (long)Math.Floor(exact);
            given += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(amount - given)))
        {
            parts[index]++;
        }

        return parts;
    }
}
