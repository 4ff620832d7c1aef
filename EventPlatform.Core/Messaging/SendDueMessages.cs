using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Messaging;

/// <summary>
/// Sends the organizers' messages whose time has come: each in one transaction that claims it
/// (Scheduled → Sent, so a second worker or a retry after a crash finds nothing to do), picks its
/// recipients as they are now, checks the organization's daily limit, and queues one outbox email
/// per address. The outbox delivers them with its retries and records each attempt.
/// </summary>
public sealed class SendDueMessages(
    IAppDbContextFactory dbFactory,
    TemplatedEmails templated,
    RecipientValues recipientValues,
    ISettingsService settings,
    IEnumerable<IOutboxWakeUp> wakeUps,
    TimeProvider clock,
    ILogger<SendDueMessages> logger)
{
    public const string Kind = "event.message";
    private const int MessagesPerPass = 20;

    /// <summary>One pass of the worker. Returns how many messages it sent or refused.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        List<Guid> due;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var now = clock.GetUtcNow();
            due = await db.AttendeeMessages.AsNoTracking().Where(m => m.Status == AttendeeMessageStatus.Scheduled && m.SendAt <= now)
                .OrderBy(m => m.SendAt).Select(m => m.Id).Take(MessagesPerPass).ToListAsync(ct);
        }

        var done = 0;
        foreach (var id in due)
        {
            try
            {
                done += await SendAsync(id, ct) is null ? 0 : 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Nothing of it was kept (one transaction): it stays scheduled for the next pass, and the others need not wait.
                logger.LogError(ex, "Message {MessageId} could not be sent now; the next pass tries again", id);
            }
        }

        return done;
    }

    /// <summary>
    /// Sends one message if it is (still) scheduled and due. Returns what became of it (<see cref="AttendeeMessageStatus.Sent"/>,
    /// or <see cref="AttendeeMessageStatus.Refused"/> with its reason); null when someone else sent or cancelled it.
    /// </summary>
    public async Task<AttendeeMessage?> SendAsync(Guid messageId, CancellationToken ct = default)
    {
        var limits = await settings.GetAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.AttendeeMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => (Guid?)m.OrganizationId).SingleOrDefaultAsync(ct)
            is not { } organizationId)
        {
            return null;
        }

        // One sender per organization at a time: the daily sum below must count every message sent before this one.
        await db.Locks.NameAsync($"attendee-messages:{organizationId}", ct);
        var now = clock.GetUtcNow();
        var claimed = await db.AttendeeMessages.Where(m => m.Id == messageId && m.Status == AttendeeMessageStatus.Scheduled && m.SendAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, AttendeeMessageStatus.Sent).SetProperty(m => m.SentAt, now), ct);
        if (claimed == 0)
        {
            return null;
        }

        var message = await db.AttendeeMessages.SingleAsync(m => m.Id == messageId, ct);
        var recipients = await MessageRecipients.ListAsync(db, message.EventId, message.Filter, ct);
        if (await RefusalAsync(db, message, recipients.Count, limits, now, ct) is { } reason)
        {
            message.Status = AttendeeMessageStatus.Refused;
            message.SentAt = null;
            message.RefusedReason = reason;
            logger.LogWarning("Message {MessageId} of organization {OrganizationId} not sent: {Reason}", message.Id, organizationId, reason);
        }
        else
        {
            await QueueAsync(db, message, recipients, now, ct);
            logger.LogInformation("Message {MessageId} queued for {Recipients} recipients", message.Id, recipients.Count);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        RetryFailedEmail.Nudge(wakeUps);
        return message;
    }

    /// <summary>
    /// Why the message may not go now (its author may no longer send, the recipients grew past what the author may send, or the
    /// day's limit is reached); null when it may.
    /// </summary>
    private static async Task<string?> RefusalAsync(IAppDbContext db, AttendeeMessage message, int count, PlatformSettings limits,
        DateTimeOffset now, CancellationToken ct)
    {
        // Sent in its author's name: someone removed or demoted since scheduling it no longer may.
        var author = await OrganizationAccess.GrantOfAsync(db, message.CreatedByUserId, message.OrganizationId, ct);
        if (author is null || !author.Allows(OrgRole.Manager))
        {
            return UserMessages.MessageAuthorNoLongerAllowed;
        }

        if (count > limits.MessageRecipientsWithoutAdmin && !(message.ScheduledByAdmin && author.Allows(OrgRole.Admin)))
        {
            return UserMessages.MessageNeedsAdmin(count, limits.MessageRecipientsWithoutAdmin);
        }

        // This message is already marked sent (its claim): it is not among those sent before it.
        var sentToday = await SentInLastDayAsync(db, message.OrganizationId, now, ct, except: message.Id);
        return sentToday + count > limits.MessageEmailsPerOrganizationPerDay
            ? UserMessages.MessageDailyLimit(count, limits.MessageEmailsPerOrganizationPerDay, sentToday)
            : null;
    }

    /// <summary>Emails the organization's messages queued in the last 24 hours (the daily limit's count).</summary>
    internal static async Task<int> SentInLastDayAsync(IAppDbContext db, Guid organizationId, DateTimeOffset now, CancellationToken ct,
        Guid? except = null)
    {
        var since = now.AddDays(-1);
        return await db.AttendeeMessages.Where(m => m.OrganizationId == organizationId && m.Status == AttendeeMessageStatus.Sent
            && m.SentAt > since && m.Id != except).SumAsync(m => m.RecipientCount, ct);
    }

    private async Task QueueAsync(IAppDbContext db, AttendeeMessage message, IReadOnlyList<Recipient> recipients, DateTimeOffset now,
        CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == message.EventId, ct);
        var branding = await templated.BrandingAsync(db, message.OrganizationId, ct);
        var wording = message.Wording;
        foreach (var recipient in recipients)
        {
            var email = templated.Prepare(branding, wording, recipientValues.For(ev, recipient));
            var row = EmailOutbox.Enqueue(db, email.Layout().ToMessage(recipient.Email, email.Wording.Subject, Kind), now);
            row.OrganizationId = message.OrganizationId;
            row.AttendeeMessageId = message.Id;
        }

        message.RecipientCount = recipients.Count;
    }
}
