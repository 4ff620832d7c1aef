namespace EventPlatform.Core.Notifications;

public enum OutboxEmailStatus
{
    Pending,
    Sent,
    /// <summary>Gave up after two days of retries (<see cref="RetryPolicy"/>); shown to platform admins (and, for order emails, to the organizers)
    /// with a retry action.</summary>
    Failed,
}

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that causes it.
/// The outbox worker claims due rows with a lease, sends them, and records every attempt.
/// </summary>
public class OutboxEmail
{
    /// <summary>
    /// What a body becomes once the email is sent: bodies hold sign-in links, reset and
    /// confirmation codes, order keys and QR tickets, which are kept at rest only as hashes
    /// (docs/security.md, "Secrets at rest"). The email log keeps the recipient, subject, kind,
    /// status and times.
    /// </summary>
    public const string RedactedBody = "(Removed after delivery: it held links or codes that are not kept at rest.)";

    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }
    /// <summary>What the email is about, e.g. <c>account.magic_link</c>.</summary>
    public required string Kind { get; set; }
    /// <summary>
    /// The order the email is about (confirmation, cancellation, refund), so a failed one is shown
    /// to the order's organizers with "send again"; null for account emails.
    /// </summary>
    public Guid? OrderId { get; set; }

    /// <summary>The organization whose message or reminder this is, for its email log (order emails are found through their order).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The organizer's message (<see cref="Messaging.AttendeeMessage"/>) this email is one recipient's copy of.</summary>
    public Guid? AttendeeMessageId { get; set; }

    /// <summary>
    /// Queued without its body: an <see cref="IDeferredEmailRenderer"/> of its kind builds it at each
    /// attempt, from what is committed then (<see cref="Subject"/> is a stand-in until the first).
    /// </summary>
    public bool RenderAtSend { get; set; }

    public OutboxEmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    public List<EmailDeliveryAttempt> DeliveryAttempts { get; set; } = [];
}

/// <summary>One try at sending an outbox email: the email log.</summary>
public class EmailDeliveryAttempt
{
    public Guid Id { get; set; }
    public Guid OutboxEmailId { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public bool Succeeded { get; set; }
    public required string Transport { get; set; }
    public string? Error { get; set; }
}

/// <summary>A file of an outbox email, stored with it so the send (and every retry) is self-contained.</summary>
public class OutboxEmailAttachment
{
    public Guid Id { get; set; }
    public Guid OutboxEmailId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public string? ContentId { get; set; }
    public required byte[] Content { get; set; }
    public int Position { get; set; }
}
