using EventPlatform.Core.Common;

namespace EventPlatform.Core.Tests.Common;

public sealed class LocalUrlTests
{
    /// <summary>Return URLs that must never leave the site, whatever a browser makes of them.</summary>
    public static TheoryData<string> Hostile => new()
    {
        "/\t//evil.example/x",
        "/%09/evil.example/x",
        "//evil.example",
        "//evil.example/x",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/%5Cevil.example",
        "/%2F/evil.example",
        "%2F%2Fevil.example",
        "https://evil.example",
        "http:evil.example",
        "HTTPS://evil.example/x",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "\n//evil.example",
        "/\r\n//evil.example",
        " //evil.example",
        "/ /evil.example",
        "/\0/evil.example",
        "/%00/evil.example",
        "\u00a0//evil.example",
        "/\u3000/evil.example",
        "/" + new string('a', LocalUrl.MaxLength),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileReturnUrls_AreRefused(string hostile)
    {
        Assert.Null(LocalUrl.OrNull(hostile));
        Assert.Equal("/", LocalUrl.OrHome(hostile));
    }

    [Theory]
    [InlineData("/events", "/events")]
    [InlineData("/events?q=pottery%20class&page=2", "/events?q=pottery%20class&page=2")]
    [InlineData("/e/wheel-throwing-series#tickets", "/e/wheel-throwing-series#tickets")]
    [InlineData("Account/Lockout", "/Account/Lockout")]
    [InlineData("/", "/")]
    public void LocalPaths_Pass(string url, string expected) => Assert.Equal(expected, LocalUrl.OrNull(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_GoesHome(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));
}
