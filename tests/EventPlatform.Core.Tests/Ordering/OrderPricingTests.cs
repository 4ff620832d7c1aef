using EventPlatform.Core.Ordering;

namespace EventPlatform.Core.Tests.Ordering;

public sealed class OrderPricingTests
{
    private static readonly Guid TypeA = Guid.NewGuid();
    private static readonly Guid TypeB = Guid.NewGuid();
    private static readonly FeeRule NoFee = new(0, 0, true);

    [Fact]
    public void Total_IsSubtotalMinusDiscountPlusFee_WhenPassedToTheBuyer()
    {
        var price = OrderPricing.Compute([new(TypeA, 5000), new(TypeA, 5000)], Percent(10), new FeeRule(8, 50, PassedToBuyer: true));
        Assert.Equal(10000, price.SubtotalMinor);
        Assert.Equal(1000, price.DiscountMinor);
        Assert.Equal(720 + 50, price.FeeMinor);
        Assert.Equal(9000 + 770, price.TotalMinor);
        Assert.Equal(price.TotalMinor, Enumerable.Range(0, 2).Sum(i => 5000 - price.TicketDiscounts[i] + price.TicketFees[i]));
    }

    [Fact]
    public void AbsorbedFee_IsNotAddedToTheTotal_NorToTheTickets()
    {
        var price = OrderPricing.Compute([new(TypeA, 3000)], null, new FeeRule(8, 0, PassedToBuyer: false));
        Assert.Equal(240, price.FeeMinor);
        Assert.Equal(3000, price.TotalMinor);
        Assert.Equal(0, price.TicketFees[0]);
    }

    [Fact]
    public void FreeOrders_CarryNoFee()
    {
        var price = OrderPricing.Compute([new(TypeA, 0)], null, new FeeRule(8, 99, true));
        Assert.Equal(0, price.TotalMinor);
        Assert.Equal(0, price.FeeMinor);
    }

    [Fact]
    public void Discount_AppliesOnlyToTypesInTheCouponsScope_AndNeverExceedsThem()
    {
        var coupon = new Coupon { Code = "X", Kind = CouponKind.FixedAmount, AmountOffMinor = 10_000, TicketTypeIds = [TypeB] };
        var price = OrderPricing.Compute([new(TypeA, 4000), new(TypeB, 1500)], coupon, NoFee);
        Assert.Equal(1500, price.DiscountMinor);
        Assert.Equal([0L, 1500L], price.TicketDiscounts);
        Assert.Equal(4000, price.TotalMinor);
    }

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 })]
    [InlineData(1, new long[] { 333, 333, 334 })]
    [InlineData(7, new long[] { 100, 200, 700 })]
    public void Spread_SplitsExactly_InProportion(long amount, long[] weights)
    {
        var parts = OrderPricing.Spread(amount, weights);
        Assert.Equal(amount, parts.Sum());
        Assert.All(parts.Zip(weights), p => Assert.InRange(p.First, 0, Math.Max(p.Second, amount)));
    }

    private static Coupon Percent(decimal percent) => new() { Code = "P", Kind = CouponKind.Percent, PercentOff = percent };
}
