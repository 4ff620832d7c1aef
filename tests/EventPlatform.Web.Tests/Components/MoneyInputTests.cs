using EventPlatform.Web.Components.Shared;

namespace EventPlatform.Web.Tests.Components;

/// <summary>The one set of rules every money field reads by: ticket prices, coupon amounts, refunds.</summary>
public sealed class MoneyInputTests
{
    [Theory]
    [InlineData("5", "EUR", 500)]
    [InlineData("5.00", "EUR", 500)]
    [InlineData(" 5,5 ", "EUR", 550)]
    [InlineData("0", "EUR", 0)]
    [InlineData("500", "JPY", 500)]
    [InlineData("1000000000", "EUR", 100_000_000_000)]
    public void Reads_MajorUnits_IntoMinorUnits(string text, string currency, long expected)
    {
        Assert.True(MoneyInput.TryRead(text, currency, out var minor, out var error));
        Assert.Equal(expected, minor);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("12.345")]
    [InlineData("1.000.00")]
    [InlineData("1000000000.01")]
    [InlineData("99999999999999999")]
    public void Refuses_WhatIsNotAnAmount_ASign_TooManyDecimals_OrMoreThanTheLimit(string? text)
    {
        Assert.False(MoneyInput.TryRead(text, "EUR", out var minor, out var error));
        Assert.Equal(0, minor);
        Assert.Equal("Enter an amount like 5.00 (at most 2 decimals).", error);
    }

    [Fact]
    public void Error_ShowsTheFormsExample_AndAskForWholeAmountsWithoutDecimals()
    {
        Assert.False(MoneyInput.TryRead("1.555", "EUR", out _, out var euros, example: "25.00"));
        Assert.Equal("Enter an amount like 25.00 (at most 2 decimals).", euros);
        Assert.False(MoneyInput.TryRead("1.5", "JPY", out _, out var yen));
        Assert.Equal("Enter a whole amount, like 500.", yen);
    }

    [Theory]
    [InlineData(4000, "EUR", "40.00")]
    [InlineData(5, "EUR", "0.05")]
    [InlineData(500, "JPY", "500")]
    public void ShowsMinorUnits_AsTheyAreTyped(long minor, string currency, string expected) =>
        Assert.Equal(expected, MoneyInput.ToText(minor, currency));
}
