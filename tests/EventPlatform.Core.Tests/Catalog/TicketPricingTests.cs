using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Tests.Catalog;

public class TicketPricingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static TicketType Type(long price = 2500, long? member = null, long? early = null, DateTimeOffset? earlyUntil = null,
        int? earlyQuantity = null, int sold = 0) => new()
    {
        Name = "Regular",
        Currency = "EUR",
        PriceMinor = price,
        MemberPriceMinor = member,
        EarlyBirdPriceMinor = early,
        EarlyBirdUntil = earlyUntil,
        EarlyBirdQuantity = earlyQuantity,
        Taken = sold,
        SalesEndAt = Now.AddDays(10),
    };

    [Fact]
    public void RegularPrice_WhenNothingElseApplies() =>
        Assert.Equal(new Money(2500, "EUR"), TicketPricing.UnitPrice(Type(member: 2000), BuyerContext.Anonymous, Now));

    [Fact]
    public void MemberPrice_ForMembers() =>
        Assert.Equal(2000, TicketPricing.UnitPrice(Type(member: 2000), new BuyerContext(true), Now).AmountMinor);

    [Theory]
    [InlineData(1, null, 0, 1800)]      // until tomorrow: on
    [InlineData(-1, null, 0, 2500)]     // date passed: off
    [InlineData(0, 0, 0, 2500)]         // exactly at the date: off
    [InlineData(null, 50, 49, 1800)]    // quantity not reached: on
    [InlineData(null, 50, 50, 2500)]    // quantity reached: off
    [InlineData(1, 50, 50, 2500)]       // both set: either ending ends it
    public void EarlyBird_EndsAtItsDateOrItsQuantity(int? daysUntil, int? quantity, int sold, long expected)
    {
        var type = Type(early: 1800, earlyUntil: daysUntil is { } d ? Now.AddDays(d) : null, earlyQuantity: quantity, sold: sold);
        Assert.Equal(expected, TicketPricing.UnitPrice(type, BuyerContext.Anonymous, Now).AmountMinor);
    }

    [Fact]
    public void MemberAndEarlyBird_TheLowerWins()
    {
        var type = Type(member: 1500, early: 1800, earlyUntil: Now.AddDays(1));
        Assert.Equal(1500, TicketPricing.UnitPrice(type, new BuyerContext(true), Now).AmountMinor);
        Assert.Equal(1800, TicketPricing.UnitPrice(type, BuyerContext.Anonymous, Now).AmountMinor);
    }

    [Theory]
    [InlineData(2500, "EUR", "€25.00")]
    [InlineData(0, "USD", "$0.00")]
    [InlineData(123456, "GBP", "£1,234.56")]
    [InlineData(1500, "JPY", "JPY 1,500")]
    [InlineData(999, "CHF", "CHF 9.99")]
    public void Money_FormatsForDisplay(long minor, string currency, string text) =>
        Assert.Equal(text, new Money(minor, currency).Format());
}
