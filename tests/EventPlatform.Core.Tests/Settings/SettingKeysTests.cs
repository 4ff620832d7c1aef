using EventPlatform.Core.Settings;

namespace EventPlatform.Core.Tests.Settings;

public class SettingKeysTests
{
    [Fact]
    public void Defaults_AreThoseOfTheProductSpecification()
    {
        var d = PlatformSettings.Defaults;
        Assert.Equal(TimeSpan.FromMinutes(10), d.HoldTime);
        Assert.Equal(TimeSpan.FromHours(24), d.WaitlistOfferValidity);
        Assert.Equal(10, d.MaxTicketsPerOrder);
        Assert.Equal(8m, d.PlatformFeePercent);
        Assert.Equal(0, d.PlatformFeeFixedMinor);
        Assert.Equal(TimeSpan.FromMinutes(10), d.MagicLinkExpiry);
        Assert.Equal("EventPlatform", d.BrandName);
        Assert.Equal(20, d.SearchResultsPerPage);
    }

    [Fact]
    public void Parse_OfTheStoredDefaults_GivesTheDefaults()
    {
        var problems = new List<string>();
        Assert.Equal(PlatformSettings.Defaults, SettingKeys.Parse(SettingKeys.DefaultValues, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_ReadsChangedValues()
    {
        var values = new Dictionary<string, string>(SettingKeys.DefaultValues)
        {
            [SettingKeys.HoldTimeMinutes] = "15",
            [SettingKeys.PlatformFeePercent] = "2.5",
            [SettingKeys.BrandName] = "  Tickets@Riverside ",
        };
        var settings = SettingKeys.Parse(values, []);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.HoldTime);
        Assert.Equal(2.5m, settings.PlatformFeePercent);
        Assert.Equal("Tickets@Riverside", settings.BrandName);
    }

    [Theory]
    [InlineData(SettingKeys.HoldTimeMinutes, "ten")]
    [InlineData(SettingKeys.HoldTimeMinutes, "0")]
    [InlineData(SettingKeys.MaxTicketsPerOrder, "-3")]
    [InlineData(SettingKeys.PlatformFeePercent, "150")]
    [InlineData(SettingKeys.MagicLinkExpiryMinutes, "")]
    public void Parse_KeepsTheDefaultAndReportsAnUnusableValue(string key, string raw)
    {
        var problems = new List<string>();
        var settings = SettingKeys.Parse(new Dictionary<string, string> { [key] = raw }, problems);
        Assert.Equal(PlatformSettings.Defaults, settings);
        Assert.Single(problems);
        Assert.Contains(key, problems[0], StringComparison.Ordinal);
    }
}
