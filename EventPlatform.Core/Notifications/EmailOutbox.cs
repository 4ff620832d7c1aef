using EventPlatform.Core.Common;

namespace EventPlatform.Core.Notifications;

/// <summary>Writes emails into the outbox of the caller's DbContext (saved with the caller's change).</summary>
public static class EmailOutbox
{
    /// <summary>An email whose body is built when it is sent (see <see cref="IDeferredEmailRenderer"/>).</summary>
    /// <param name="subject">What the email log shows until the first attempt sets the real subject.</param>
    public static OutboxEmail EnqueueToRender(IAppDbContext db, string to, string subject, string kind, Guid orderId, DateTimeOffset now)
    {
        var row = new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            To = to,
            Subject = subject,
            HtmlBody = "",
            TextBody = "",
            Kind = kind,
            OrderId = orderId,
            RenderAtSend = true,
            Status = OutboxEmailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxEmails.Add(row);
        return row;
    }

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
