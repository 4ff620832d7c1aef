using EventPlatform.Core.Common.Markdown;

namespace EventPlatform.Web.Tests.Catalog;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_BecomesHtml() =>
        Assert.Equal("<p><strong>Bold</strong> and <em>soft</em></p>", _renderer.ToSafeHtml("**Bold** and *soft*").Trim());

    [Theory]
    [InlineData("<script>alert(1)</script>Hello")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div onclick=\"steal()\">hi</div>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<form action=\"https://evil.example\"><input name=card></form>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<p style=\"position:fixed;inset:0\" class=\"mud-overlay\" id=\"tickets-heading\">cover</p>")]
    public void NothingThatRunsOrCoversThePage_SurvivesRendering(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        Assert.DoesNotMatch("(?i)<(script|iframe|form|input|svg|img)\\b", html);
        Assert.DoesNotMatch("(?i)<[^>]+\\s(on\\w+|style|class|id)\\s*=", html);
        Assert.DoesNotMatch("(?i)<a\\b[^>]*href\\s*=\\s*\"(javascript|data):", html);
        // Removed, never printed as text.
        Assert.DoesNotContain("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PastedHtml_OnTheSafeList_Renders()
    {
        var html = _renderer.ToSafeHtml("Doors at <b>7 pm</b>, <i>sharp</i>.<br>Bring <u>cash</u>.\n\n<ul><li>Tea</li></ul>");
        Assert.Contains("<b>7 pm</b>", html, StringComparison.Ordinal);
        Assert.Contains("<i>sharp</i>", html, StringComparison.Ordinal);
        Assert.Contains("<u>cash</u>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Tea</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=\"https://tracker.example/pixel.png\" alt=\"x\">", false)]
    [InlineData("<img src=\"//tracker.example/pixel.png\" alt=\"x\">", false)]
    [InlineData("![map](https://maps.example/map.png)", false)]
    [InlineData("<img src=\"/files/events/map.png\" alt=\"Map of the hall\">", true)]
    public void Images_OnlyFromThisSite(string markdown, bool kept) =>
        Assert.Equal(kept, _renderer.ToSafeHtml(markdown).Contains("<img", StringComparison.Ordinal));

    [Fact]
    public void Links_OpenSafely()
    {
        var html = _renderer.ToSafeHtml("[site](https://example.com)");
        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TopLevelHeadings_NestBelowThePagesOwn()
    {
        var html = _renderer.ToSafeHtml("# Big\n\n## Smaller\n\n### Small");
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Big</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Smaller</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_IsEmpty() => Assert.Equal("", _renderer.ToSafeHtml("  "));
}
