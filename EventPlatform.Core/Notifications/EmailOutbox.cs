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
            OrderId = message.OrderId,
            Status = OutboxEmailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxEmails.Add(row);
        var position = 0;
        foreach (var file in message.Attachments)
        {
            db.OutboxEmailAttachments.Add(new OutboxEmailAttachment
            {
                Id = Guid.CreateVersion7(),
                OutboxEmailId = row.Id,
                FileName = file.FileName,
                ContentType = file.ContentType,
                ContentId = file.ContentId,
                Content = file.Content,
                Position = position++,
            });
        }

        return row;
    }
}
