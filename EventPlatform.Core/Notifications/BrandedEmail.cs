using System.Net;
using System.Text;

namespace EventPlatform.Core.Notifications;

/// <summary>
/// The one layout every email uses: brand header, heading, paragraphs, an optional button, and a
/// footer note, as table-based HTML (what mail clients render reliably) plus a plain-text twin.
/// All text is HTML-encoded here; callers pass plain strings.
/// </summary>
public sealed record BrandedEmail(
    string BrandName,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    string? ButtonText = null,
    string? ButtonUrl = null,
    string? FooterNote = null)
{
    /// <summary>The header's and the button's colour: the platform's, or the organization's brand colour ("#RRGGBB", checked when saved).</summary>
    public string Colour { get; init; } = "#4338ca";

    /// <summary>An absolute address of a logo shown in the header before the name (the organization's); none by default.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>
    /// The body as safe HTML (an organization's template, rendered and sanitized), shown after the
    /// heading instead of <see cref="Paragraphs"/>; <see cref="BodyText"/> is its plain-text twin.
    /// </summary>
    public string? BodyHtml { get; init; }

    public string? BodyText { get; init; }

    /// <summary>
    /// Extra markup after the paragraphs (order summaries, QR codes). Whoever builds it encodes
    /// every value in it (see <see cref="Encode"/>); it is inserted as is.
    /// </summary>
    public string? ExtraHtml { get; init; }

    /// <summary>The plain-text twin of <see cref="ExtraHtml"/>.</summary>
    public string? ExtraText { get; init; }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(Encode(Heading)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f4f4f7;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2937\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f4f7;padding:24px 0\">" +
                "<tr><td align=\"center\">")
            .Append("<table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\" " +
                "style=\"max-width:560px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden\">")
            .Append("<tr><td style=\"background:").Append(Encode(Colour))
                .Append(";padding:16px 24px;color:#ffffff;font-size:18px;font-weight:600\">")
            .Append(LogoUrl is null
                ? ""
                : $"<img src=\"{Encode(LogoUrl)}\" alt=\"\" height=\"32\" style=\"vertical-align:middle;margin-right:12px\">")
            .Append(Encode(BrandName)).Append("</td></tr>")
            .Append("<tr><td style=\"padding:24px\">")
            .Append("<h1 style=\"font-size:22px;margin:0 0 16px\">").Append(Encode(Heading)).Append("</h1>");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p style=\"font-size:15px;line-height:1.5;margin:0 0 12px\">").Append(Encode(paragraph)).Append("</p>");
        }

        if (BodyHtml is not null)
        {
            html.Append("<div style=\"font-size:15px;line-height:1.5\">").Append(BodyHtml).Append("</div>");
        }

        html.Append(ExtraHtml);
        if (ButtonText is not null && ButtonUrl is not null)
        {
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(Encode(ButtonUrl))
                .Append("\" style=\"background:").Append(Encode(Colour))
                .Append(";color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;display:inline-block\">")
                .Append(Encode(ButtonText)).Append("</a></p>")
                .Append(
                    "<p style=\"font-size:13px;color:#6b7280;margin:0 0 12px\">If the button does not work, copy this address into your browser:<br>")
                .Append("<a href=\"").Append(Encode(ButtonUrl)).Append("\" style=\"color:").Append(Encode(Colour)).Append(";word-break:break-all\">")
                .Append(Encode(ButtonUrl)).Append("</a></p>");
        }

        if (FooterNote is not null)
        {
            html.Append("<p style=\"font-size:13px;color:#6b7280;margin:16px 0 0\">").Append(Encode(FooterNote)).Append("</p>");
        }

        html.Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(BrandName).AppendLine().AppendLine(Heading).AppendLine();
        foreach (var paragraph in Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        if (BodyText is not null)
        {
            text.AppendLine(BodyText).AppendLine();
        }

        if (ExtraText is not null)
        {
            text.AppendLine(ExtraText).AppendLine();
        }

        if (ButtonText is not null && ButtonUrl is not null)
        {
            text.Append(ButtonText).AppendLine(":").AppendLine(ButtonUrl).AppendLine();
        }

        if (FooterNote is not null)
        {
            text.AppendLine(FooterNote);
        }

        return text.ToString();
    }

    public EmailMessage ToMessage(string to, string subject, string kind) => new(to, subject, ToHtml(), ToText(), kind);

    public static string Encode(string value) => WebUtility.HtmlEncode(value);
}
