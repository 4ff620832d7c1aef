using EventPlatform.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace EventPlatform.Web.Notifications;

/// <summary>Sends through an SMTP server with MailKit; one connection per message (the outbox batches are small).</summary>
internal sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public string Name => "smtp";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var mime = MimeMessages.Create(message, smtp.FromName, smtp.FromAddress);
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
