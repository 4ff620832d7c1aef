namespace EventPlatform.Core.Notifications;

/// <summary>An email ready to send: one recipient, an HTML body and its plain-text alternative.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, string Kind)
{
    /// <summary>Files sent along: inline images (with a <see cref="EmailAttachment.ContentId"/>) and downloads.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The outbox row it is sent from: the Message-ID is derived from it, so a resend of the same
    /// email (after a crash between the mail server's "accepted" and our commit) is recognisably the
    /// same message, which mail clients show once.
    /// </summary>
    public Guid? OutboxId { get; init; }

    /// <summary>The order it is about, kept on the outbox row (<see cref="OutboxEmail.OrderId"/>).</summary>
    public Guid? OrderId { get; init; }
}

/// <summary>
/// A file in an email. With a <see cref="ContentId"/> it is an inline image the HTML shows with
/// <c>src="cid:…"</c> (QR codes, which mail clients would block as remote images).
/// </summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);
