using EventPlatform.Core.Notifications;
using MimeKit;

namespace EventPlatform.Web.Notifications;

/// <summary>Turns our <see cref="EmailMessage"/> into a MIME message with HTML and text alternatives.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, string fromName, string fromAddress)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(fromName, fromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Headers.Add("X-EventPlatform-Kind", message.Kind);
        if (message.OutboxId is { } outboxId)
        {
            mime.MessageId = $"{outboxId:N}@{fromAddress.Split('@').Last()}";
        }

        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        foreach (var file in message.Attachments)
        {
            var contentType = ContentType.Parse(file.ContentType);
            if (file.ContentId is { } contentId)
            {
                // Inline images (QR codes) are parts of the HTML body, referenced as cid:…
                var image = body.LinkedResources.Add(file.FileName, file.Content, contentType);
                image.ContentId = contentId;
            }
            else
            {
                body.Attachments.Add(file.FileName, file.Content, contentType);
            }
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}
