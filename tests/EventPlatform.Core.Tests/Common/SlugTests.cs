using EventPlatform.Core.Common;

namespace EventPlatform.Core.Tests.Common;

public class SlugTests
{
    [Theory]
    [InlineData("Riverside Arts Collective", "riverside-arts-collective")]
    [InlineData("  Café  Nights!! ", "cafe-nights")]
    [InlineData("Über--Cool___Events 2026", "uber-cool-events-2026")]
    [InlineData("***", "")]
    public void FromName_MakesALowerCaseHyphenatedSlug(string name, string expected) =>
        Assert.Equal(expected, Slug.FromName(name));

    [Fact]
    public void FromName_CutsLongNamesAtTheMaximumWithoutATrailingHyphen()
    {
        var slug = Slug.FromName(string.Join(' ', Enumerable.Repeat("abcdefghi", 10)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("riverside-arts", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("Riverside", false)]
    [InlineData("-riverside", false)]
    [InlineData("riverside-", false)]
    [InlineData("river--side", false)]
    [InlineData("river side", false)]
    [InlineData(null, false)]
    public void IsValid_AcceptsOnlyLowerCaseWordsJoinedBySingleHyphens(string? slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));
}
