using Ganss.Xss;
using Markdig;

namespace EventPlatform.Web.Catalog;

/// <summary>
/// Organizer-written Markdown to safe HTML: Markdig renders (raw HTML in the source is escaped,
/// not passed through), then HtmlSanitizer removes anything that could run — scripts, event
/// handlers, javascript: links — as a second, independent line of defence.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        // Links written by organizers open safely and pass no referrer or opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        // The page owns h1 and h2; the organizer's headings nest below them.
        foreach (var heading in new[] { "h1", "h2" })
        {
            sanitizer.AllowedTags.Remove(heading);
        }

        sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.TagName is "H1" or "H2" && e.Tag.Owner is { } document)
            {
                var replacement = document.CreateElement("h3");
                replacement.InnerHtml = e.Tag.InnerHtml;
                e.Tag.Replace(replacement);
                e.Cancel = true;
            }
        };
        return sanitizer;
    }
}
