using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Web.Components.Shared;

namespace EventPlatform.Web.Tests.Components;

/// <summary>A ticket's price on the order pages: its parts as the payment summary shows them, never one sum that hides the fee.</summary>
public sealed class TicketPriceTextTests
{
    [Theory]
    [InlineData(15000, 0, 1092, "$150.00 + $10.92 service fee")]
    [InlineData(5000, 1000, 320, "$50.00 − $10.00 discount + $3.20 service fee")]
    [InlineData(5000, 0, 0, "$50.00")]
    [InlineData(5000, 5000, 0, "$50.00 − $50.00 discount")]
    [InlineData(0, 0, 0, "Free")]
    public void ShowsThePriceAndItsSharesOfDiscountAndFee(long unit, long discount, long fee, string expected) =>
        Assert.Equal(expected, WebMessages.TicketPrice(Ticket(unit, discount, fee)));

    private static OrderTicketView Ticket(long unit, long discount, long fee) => new(
        Guid.NewGuid(), 1, Guid.NewGuid(), "Standard", "code", TicketStatus.Valid, "Ada", null, new Dictionary<string, string>(),
        new Money(unit, "USD"), new Money(discount, "USD"), new Money(fee, "USD"), new Money(unit - discount + fee, "USD"), []);
}
