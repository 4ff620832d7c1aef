using EventPlatform.Web.Catalog;

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
    public void NothingThatRuns_SurvivesRendering(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        // Raw HTML in the source is shown as text (escaped), never as elements.
        Assert.DoesNotMatch("(?i)<(script|img|div)\\b", html);
        Assert.DoesNotMatch("(?i)<[^>]+\\son\\w+\\s*=", html);
        Assert.DoesNotMatch("(?i)<a\\b[^>]*href\\s*=\\s*\"(javascript|data):", html);
    }

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
