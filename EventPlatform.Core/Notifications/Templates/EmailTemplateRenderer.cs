using System.Net;
using EventPlatform.Core.Common.Markdown;

namespace EventPlatform.Core.Notifications.Templates;

/// <summary>A template with its values filled in: a one-line subject and heading, a safe HTML body and its plain-text twin.</summary>
public sealed record RenderedWording(string Subject, string Heading, string BodyHtml, string BodyText);

/// <summary>
/// Fills a template's placeholders. The Markdown body is rendered and sanitized first and the values
/// go in HTML-encoded afterwards, so a buyer named <c>&lt;b&gt;Bob</c> or <c>*Bob*</c> is printed as
/// typed; then the HTML is sanitized once more, so a value can never make a link to a script.
/// </summary>
public sealed class EmailTemplateRenderer(MarkdownRenderer markdown)
{
    public RenderedWording Render(EmailWording wording, IReadOnlyDictionary<string, string> values)
    {
        var html = markdown.ToEmailHtml(wording.Body);
        // Markdig percent-encodes the braces of a placeholder used as a link's address: [View]({order_url}).
        html = html.Replace("%7B", "{", StringComparison.OrdinalIgnoreCase).Replace("%7D", "}", StringComparison.OrdinalIgnoreCase);
        html = markdown.SanitizeEmailHtml(EmailPlaceholders.Fill(html, values, WebUtility.HtmlEncode));
        return new RenderedWording(
            OneLine(EmailPlaceholders.Fill(wording.Subject, values, v => v)),
            OneLine(EmailPlaceholders.Fill(wording.Heading, values, v => v)),
            html,
            EmailPlaceholders.Fill(wording.Body, values, v => v).Trim());
    }

    /// <summary>A subject or heading is one line: a value with a line break must not add mail headers or lines.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
