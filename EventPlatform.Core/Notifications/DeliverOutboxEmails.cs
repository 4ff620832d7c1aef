using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Notifications;

/// <summary>
/// One pass of the email outbox: take due emails one by one, send each, record the attempt, and
/// schedule a retry with backoff on failure (<see cref="RetryPolicy"/>). Called by the hosted
/// worker; safe to run on every instance.
/// </summary>
public sealed class DeliverOutboxEmails(
    IAppDbContextFactory dbFactory,
    IOutboxLeases leases,
    IEmailTransport transport,
    IEnumerable<IDeferredEmailRenderer> renderers,
    TimeProvider clock,
    AppMetrics metrics,
    ILogger<DeliverOutboxEmails> logger)
{
    public const int BatchSize = 20;

    /// <summary>Sends what is due, up to a batch. Returns how many emails were attempted.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var attempted = 0;
        while (attempted < BatchSize && await DeliverNextAsync(ct))
        {
            attempted++;
        }

        return attempted;
    }

    /// <summary>
    /// One email in one transaction whose row lock is the lease (see <see cref="IOutboxLeases"/>):
    /// lock, send, record the attempt, commit. A crash between the send and the commit sends that
    /// one email again after restart — at least once is the most SMTP allows; never zero times.
    /// </summary>
    private async Task<bool> DeliverNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await leases.LockNextDueAsync(db, clock.GetUtcNow(), ct) is not { } id)
        {
            return false;
        }

        var email = await db.OutboxEmails.SingleAsync(e => e.Id == id, ct);
        string? error = null;
        try
        {
            var message = await MessageAsync(db, email, ct);
            if (message is null)
            {
                error = "Nothing to send: its order no longer exists.";
            }
            else
            {
                email.Subject = message.Subject;
                await transport.SendAsync(message with { OutboxId = email.Id }, ct);
            }
        }
        catch (ProviderUnavailableException ex)
        {
            // Nothing was sent (the transport's circuit is open): no attempt is spent, the pass ends,
            // and the email goes out as soon as the server answers again.
            logger.LogWarning("Email outbox paused: {Reason}", ex.Message);
            await transaction.RollbackAsync(CancellationToken.None);
            metrics.Email("paused");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        var now = clock.GetUtcNow();
        email.Attempts++;
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
            // Sent: its secrets (links, codes, QR tickets) leave the database with it.
            email.HtmlBody = OutboxEmail.RedactedBody;
            email.TextBody = OutboxEmail.RedactedBody;
            db.OutboxEmailAttachments.RemoveRange(await db.OutboxEmailAttachments.Where(a => a.OutboxEmailId == email.Id)
                .ToListAsync(CancellationToken.None));
            logger.LogInformation("Email {EmailId} ({Kind}) sent via {Transport}", email.Id, email.Kind, transport.Name);
        }
        else
        {
            email.LastError = error;
            if (RetryPolicy.NextAttempt(email.Attempts, email.CreatedAt, now) is { } next)
            {
                email.NextAttemptAt = next;
                logger.LogWarning("Email {EmailId} ({Kind}) attempt {Attempt} failed, retry at {NextAttempt}: {Error}", email.Id, email.Kind,
                    email.Attempts, email.NextAttemptAt, error);
            }
            else
            {
                // Kept whole (body and attachments) so that an admin can send it again once the cause is fixed.
                email.Status = OutboxEmailStatus.Failed;
                logger.LogError("Email {EmailId} ({Kind}) failed for good after {Attempts} attempts over {Hours} h: {Error}", email.Id, email.Kind,
                    email.Attempts, RetryPolicy.GiveUpAfter.TotalHours, error);
            }
        }

        // Recorded even if the host is stopping: the message may already have gone out.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        metrics.Email(email.Status switch { OutboxEmailStatus.Sent => "sent", OutboxEmailStatus.Failed => "failed", _ => "retry" });
        return true;
    }

    /// <summary>The stored email, or for one queued without its body, the email its renderer builds now.</summary>
    private async Task<EmailMessage?> MessageAsync(IAppDbContext db, OutboxEmail email, CancellationToken ct)
    {
        if (email.RenderAtSend)
        {
            var renderer = renderers.SingleOrDefault(r => r.Kind == email.Kind)
                ?? throw new InvalidOperationException($"No renderer for emails of kind {email.Kind}.");
            return await renderer.RenderAsync(db, email, clock.GetUtcNow(), ct);
        }

        var attachments = await db.OutboxEmailAttachments.AsNoTracking().Where(a => a.OutboxEmailId == email.Id).OrderBy(a => a.Position)
            .Select(a => new EmailAttachment(a.FileName, a.ContentType, a.Content, a.ContentId)).ToListAsync(ct);
        return new EmailMessage(email.To, email.Subject, email.HtmlBody, email.TextBody, email.Kind) { Attachments = attachments };
    }
}
