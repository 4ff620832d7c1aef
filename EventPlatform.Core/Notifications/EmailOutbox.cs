using EventPlatform.Core.Common;

namespace EventPlatform.Core.Notifications;

/// <summary>Writes emails into the outbox of the caller's DbContext (saved with the caller's change).</summary>
public static class EmailOutbox
{
    public static OutboxEmail Enqueue(IAppDbContext db, EmailMessage message, DateTimeOffset now)
    {
        var row = new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            To = message.To,
            Subject = message.Subject,
            HtmlBody = message.HtmlBody,
            TextBody = message.TextBody,
            Kind = message.Kind,
            Status = OutboxEmailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxEmails.Add(row);
        return row;
    }
}
