using EventPlatform.Web.Components.Pages.Ordering.Checkout;

namespace EventPlatform.Web.Tests.Components;

/// <summary>The demo card form's number: its brand from the first digits, its digits in groups (as js/card-number.js groups them).</summary>
public sealed class CardNumberTests
{
    [Theory]
    [InlineData("4242424242424242", CardBrand.Visa)]
    [InlineData("4", CardBrand.Visa)]
    [InlineData("5555 5555 5555 4444", CardBrand.Mastercard)]
    [InlineData("51", CardBrand.Mastercard)]
    [InlineData("2223003122003222", CardBrand.Mastercard)]
    [InlineData("2720", CardBrand.Mastercard)]
    [InlineData("2721", CardBrand.Unknown)]
    [InlineData("222", CardBrand.Unknown)]
    [InlineData("378282246310005", CardBrand.Amex)]
    [InlineData("34", CardBrand.Amex)]
    [InlineData("3", CardBrand.Unknown)]
    [InlineData("6011111111111117", CardBrand.Unknown)]
    [InlineData("", CardBrand.Unknown)]
    [InlineData(null, CardBrand.Unknown)]
    public void Brand_ComesFromTheFirstDigits(string? typed, CardBrand expected) => Assert.Equal(expected, CardNumber.Brand(typed));

    [Theory]
    [InlineData("4242424242424242", "4242 4242 4242 4242")]
    [InlineData("4242 4242 4242 4242", "4242 4242 4242 4242")]
    [InlineData("42424", "4242 4")]
    [InlineData("4000-0000 00000002", "4000 0000 0000 0002")]
    [InlineData("378282246310005", "3782 822463 10005")]
    [InlineData("37828", "3782 8")]
    [InlineData("4242424242424242424242", "4242 4242 4242 4242 424")]
    [InlineData("visa", "")]
    [InlineData(null, "")]
    public void Group_ShowsTheDigitsInTheBrandsGroups(string? typed, string expected) => Assert.Equal(expected, CardNumber.Group(typed));

    [Fact]
    public void BrandName_IsShortAndNullWhenUnknown()
    {
        Assert.Equal("Visa", CardNumber.BrandName("4242"));
        Assert.Equal("Mastercard", CardNumber.BrandName("5555"));
        Assert.Equal("Amex", CardNumber.BrandName("3714"));
        Assert.Null(CardNumber.BrandName("9"));
    }
}
