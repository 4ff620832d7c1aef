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
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        return mime;
    }
}
