using EventPlatform.Core.Notifications;
using MimeKit;

namespace EventPlatform.Web.Notifications;

/// <summary>A message in the development mailbox, as listed at /dev/mailbox.</summary>
public sealed record DevMailboxEntry(string Id, DateTimeOffset Date, string To, string Subject, string Kind);

/// <summary>
/// Development without SMTP: messages are written as .eml files under
/// <c>{Storage:DataDirectory}/mailbox</c> and read back by the /dev/mailbox page, so a person trying
/// the demo can open magic links and confirmation emails.
/// </summary>
public sealed class DevMailbox(string folder) : IEmailTransport
{
    public string Name => "dev-mailbox";

    public string Folder { get; } = folder;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var mime = MimeMessages.Create(message, "EventPlatform", "no-reply@eventplatform.local");
        mime.Date = DateTimeOffset.UtcNow;
        // Sortable names: newest last on disk, listed newest first.
        var id = $"{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..35];
        await mime.WriteToAsync(Path.Combine(Folder, id + ".eml"), cancellationToken);
    }

    public IReadOnlyList<DevMailboxEntry> List(int max = 200)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "*.eml")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Take(max)
            .Select(path =>
            {
                var mime = MimeMessage.Load(path);
                return new DevMailboxEntry(Path.GetFileNameWithoutExtension(path), mime.Date, mime.To.ToString(), mime.Subject ?? "",
                    mime.Headers["X-EventPlatform-Kind"] ?? "");
            })
            .ToList();
    }

    /// <summary>
    /// The inside of an HTML email's &lt;body&gt;, for showing within our page (its own html/head/body
    /// tags would otherwise be merged into the page's). Only our own emails are shown here.
    /// </summary>
    public static string BodyContent(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var open = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var close = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (open < 0 || close < 0)
        {
            return html;
        }

        var start = html.IndexOf('>', open) + 1;
        return start <= 0 || start > close ? html : html[start..close];
    }

    /// <summary>The HTML body with inline images (cid:…, e.g. QR codes) turned into data: URIs the page can show.</summary>
    public static string HtmlWithInlineImages(MimeMessage message)
    {
        var html = BodyContent(message.HtmlBody);
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null && p.Content is not null))
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            var uri = $"data:{part.ContentType.MimeType};base64,{Convert.ToBase64String(bytes.ToArray())}";
            html = html.Replace("cid:" + part.ContentId, uri, StringComparison.Ordinal);
        }

        return html;
    }

    /// <summary>Loads one message by id, or null for an unknown or malformed id.</summary>
    public MimeMessage? Find(string id)
    {
        if (id.Length > 64 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            return null;
        }

        var path = Path.Combine(Folder, id + ".eml");
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }
}

/// <summary>Whether the development mailbox exists here (Development without SMTP), for links to it.</summary>
public sealed class DevMailboxPresence(IServiceProvider services)
{
    public bool IsAvailable { get; } = services.GetService<DevMailbox>() is not null;
}
