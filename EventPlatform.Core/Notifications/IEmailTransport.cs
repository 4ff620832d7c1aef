namespace EventPlatform.Core.Notifications;

/// <summary>
/// Hands one message to the outside world: SMTP through MailKit in production, the local
/// development mailbox otherwise. Throws when the message was not accepted.
/// </summary>
public interface IEmailTransport
{
    /// <summary>A short name recorded in the email log (e.g. "smtp", "dev-mailbox").</summary>
    string Name { get; }

    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
