using Ganss.Xss;
using Markdig;

namespace EventPlatform.Core.Common.Markdown;

/// <summary>
/// Organizer-written Markdown (with some HTML mixed in, as people paste it) to safe HTML. Markdig
/// renders, raw HTML included; then HtmlSanitizer keeps only <see cref="AllowedTags"/> and
/// <see cref="AllowedAttributes"/> and removes the rest (the element, or just the attribute), so a
/// pasted <c>&lt;b&gt;</c> is bold and a <c>&lt;script&gt;</c> is gone — never printed as text.
/// The editor's preview calls the same method, so it shows exactly what the public page will.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>
    /// Text formatting, lists, tables, quotes and links. Not allowed: forms and inputs (a fake payment
    /// form on our page), landmarks (<c>nav</c>, <c>main</c>, …, which would break the page's own),
    /// media and frames. <c>h1</c>/<c>h2</c> become <c>h3</c> (the page owns the top headings).
    /// </summary>
    public static IReadOnlyCollection<string> AllowedTags { get; } =
    [
        "p", "br", "hr", "span", "div", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
        "blockquote", "code", "pre", "kbd", "abbr", "ul", "ol", "li", "dl", "dt", "dd", "h3", "h4", "h5", "h6",
        "a", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "details", "summary",
    ];

    /// <summary>No <c>style</c>, <c>class</c> or <c>id</c>: an organizer's description cannot restyle or cover the page.</summary>
    public static IReadOnlyCollection<string> AllowedAttributes { get; } = ["href", "src", "alt", "title", "colspan", "rowspan", "start"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer(forEmail: false);
    private readonly HtmlSanitizer _emailSanitizer = CreateSanitizer(forEmail: true);

    public string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The same for an email body: the same tags, and no images at all (a relative one cannot load in a mail client).</summary>
    public string ToEmailHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : SanitizeEmailHtml(Markdig.Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Sanitizes email HTML again after values were filled in (a value could make a link's address).</summary>
    public string SanitizeEmailHtml(string html) => _emailSanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer(bool forEmail)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags.Concat(["h1", "h2"]), StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["https", "http", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            switch (e.Node)
            {
                // Links written by organizers open safely and pass no referrer or opener.
                case AngleSharp.Html.Dom.IHtmlAnchorElement anchor:
                    anchor.SetAttribute("rel", "noopener noreferrer nofollow");
                    break;
                // Only our own images: the page's Content-Security-Policy loads no other site's (which
                // would let that site follow the buyers), so a pasted remote image would show broken.
                case AngleSharp.Html.Dom.IHtmlImageElement image when forEmail || !IsOwnImage(image.GetAttribute("src")):
                    image.Remove();
                    break;
                // The page owns h1 and h2; the organizer's headings nest below them.
                case AngleSharp.Dom.IElement { TagName: "H1" or "H2" } heading when heading.Owner is { } document:
                    var replacement = document.CreateElement("h3");
                    replacement.InnerHtml = heading.InnerHtml;
                    heading.Replace(replacement);
                    break;
            }
        };
        return sanitizer;
    }

    private static bool IsOwnImage(string? src) =>
        src is { Length: > 1 } && src[0] == '/' && src[1] != '/' && src[1] != '\\';
}
