using EventPlatform.Core.Organizations;

namespace EventPlatform.Core.Tests.Organizations;

public sealed class BrandColoursTests
{
    [Theory]
    [InlineData("#4338CA", BrandColours.White)] // the default indigo
    [InlineData("#000000", BrandColours.White)]
    [InlineData("#FFEE00", BrandColours.Ink)]   // a bright yellow
    [InlineData("#FFFFFF", BrandColours.Ink)]
    [InlineData("#777777", BrandColours.Ink)]   // mid grey: white would be 4.48 : 1
    public void TextOn_PicksTheReadableOne(string background, string expected) =>
        Assert.Equal(expected, BrandColours.TextOn(background));

    [Fact]
    public void TextOn_EveryGrey_ReachesAA()
    {
        for (var level = 0; level < 256; level++)
        {
            var grey = $"#{level:X2}{level:X2}{level:X2}";
            Assert.True(BrandColours.Contrast(grey, BrandColours.TextOn(grey)) >= BrandColours.MinimumContrast, grey);
        }
    }

    [Fact]
    public void Contrast_MatchesWcag()
    {
        Assert.Equal(21.0, BrandColours.Contrast("#000000", "#FFFFFF"), 2);
        Assert.Equal(1.0, BrandColours.Contrast("#4338CA", "#4338CA"), 2);
        Assert.True(BrandColours.CarriesWhiteText("#4338CA"));
        Assert.False(BrandColours.CarriesWhiteText("#FFEE00"));
    }
}
