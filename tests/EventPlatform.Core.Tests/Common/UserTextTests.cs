using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;

namespace EventPlatform.Core.Tests.Common;

public class UserTextTests
{
    [Theory]
    [InlineData("\0", null)]
    [InlineData("a\0b", "ab")]
    [InlineData("  jazz\t\r\n ", "jazz")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("pottery", "pottery")]
    public void Clean_DropsControlCharacters_AndTrims(string? raw, string? expected) =>
        Assert.Equal(expected, UserText.Clean(raw, 200));

    [Fact]
    public void Clean_CutsToTheMaximum() => Assert.Equal(200, UserText.Clean(new string('x', 10_000), 200)!.Length);

    [Theory]
    [InlineData("soonest", CatalogSort.Soonest)]
    [InlineData("Relevance", CatalogSort.Relevance)]
    [InlineData("-1", null)]
    [InlineData("0", null)]
    [InlineData("99", null)]
    [InlineData("soonest,relevance", null)]
    [InlineData("maybe", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void EnumName_AcceptsMemberNamesOnly(string? raw, CatalogSort? expected) =>
        Assert.Equal(expected, UserText.EnumName<CatalogSort>(raw));
}
