using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Notifications;

/// <summary>
/// One pass of the email outbox: claim due emails, send each, record the attempt, and schedule a
/// retry with backoff on failure. Called by the hosted worker; safe to run on every instance.
/// </summary>
public sealed class DeliverOutboxEmails(
    IAppDbContextFactory dbFactory,
    IOutboxLeases leases,
    IEmailTransport transport,
    TimeProvider clock,
    ILogger<DeliverOutboxEmails> logger)
{
    public const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Sends what is due. Returns how many emails were attempted.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ids = await leases.ClaimDueEmailsAsync(BatchSize, now, now + Lease, ct);
        foreach (var id in ids)
        {
            await DeliverOneAsync(id, ct);
        }

        return ids.Count;
    }

    private async Task DeliverOneAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var email = await db.OutboxEmails.SingleAsync(e => e.Id == id, ct);
        string? error = null;
        try
        {
            var attachments = await db.OutboxEmailAttachments.AsNoTracking().Where(a => a.OutboxEmailId == id).OrderBy(a => a.Position)
                .Select(a => new EmailAttachment(a.FileName, a.ContentType, a.Content, a.ContentId)).ToListAsync(ct);
            await transport.SendAsync(new EmailMessage(email.To, email.Subject, email.HtmlBody, email.TextBody, email.Kind) { Attachments = attachments }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        var now = clock.GetUtcNow();
        email.Attempts++;
        email.LeasedUntil = null;
        db.EmailDeliveryAttempts.Add(new EmailDeliveryAttempt
        {
            Id = Guid.CreateVersion7(),
            OutboxEmailId = email.Id,
            AttemptedAt = now,
            Succeeded = error is null,
            Transport = transport.Name,
            Error = error,
        });

        if (error is null)
        {
            email.Status = OutboxEmailStatus.Sent;
            email.SentAt = now;
            email.LastError = null;
            logger.LogInformation("Email {EmailId} ({Kind}) sent via {Transport}", email.Id, email.Kind, transport.Name);
        }
        else
        {
            email.LastError = error;
            if (email.Attempts >= RetryPolicy.MaxAttempts)
            {
                email.Status = OutboxEmailStatus.Failed;
                logger.LogError("Email {EmailId} ({Kind}) failed for good after {Attempts} attempts: {Error}", email.Id, email.Kind, email.Attempts, error);
            }
            else
            {
                email.NextAttemptAt = now + RetryPolicy.DelayAfter(email.Attempts);
                logger.LogWarning("Email {EmailId} ({Kind}) attempt {Attempt} failed, retry at {NextAttempt}: {Error}", email.Id, email.Kind, email.Attempts, email.NextAttemptAt, error);
            }
        }

        if (email.Status is OutboxEmailStatus.Sent or OutboxEmailStatus.Failed)
        {
            // Done with: its secrets (links, codes, QR tickets) leave the database with it.
            email.HtmlBody = OutboxEmail.RedactedBody;
            email.TextBody = OutboxEmail.RedactedBody;
            db.OutboxEmailAttachments.RemoveRange(await db.OutboxEmailAttachments.Where(a => a.OutboxEmailId == email.Id).ToListAsync(CancellationToken.None));
        }

        // Record the outcome even if the host is stopping: the message may already have gone out.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
