using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Messaging.Reminders;

/// <summary>
/// One pass of the reminder worker: for every enabled rule of a published (or just completed) event,
/// the reminders due now (<see cref="ReminderSchedule"/>) are queued to the outbox, one email per
/// attendee address holding a paid ticket for the session. Each batch records its deliveries and
/// queues their emails in one transaction; the deliveries' unique key decides which emails a pass may
/// queue, so passes running at once on several instances, or again after a crash, send each
/// (rule, session, address) once. Reminders do not count against the organization's daily message limit.
/// </summary>
public sealed class SendDueReminders(IAppDbContextFactory dbFactory, TemplatedEmails templated, RecipientValues recipientValues,
    TimeProvider clock, IDatabaseErrors databaseErrors, IEnumerable<IOutboxWakeUp> wakeUps, ILogger<SendDueReminders> logger)
{
    public const string Kind = "event.reminder";

    /// <summary>Addresses per transaction: a session of thousands commits in a few steps, none holding its keys for long.</summary>
    public const int BatchSize = 500;

    /// <summary>Sends what is due; returns how many emails it queued.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var work in await FindDueAsync(now, ct))
        {
            try
            {
                queued += await SendAsync(work, now, ct);
            }
            catch (Exception ex) when (databaseErrors.IsBusy(ex) && !ct.IsCancellationRequested)
            {
                // Nothing of the failed batch was kept; the next pass sends it. The other reminders need not wait for that.
                logger.LogWarning(ex, "Reminder {RuleId} for session {SessionId} was not sent now: the database was busy",
                    work.Due.Rule.Id, work.Due.SessionId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The same: one reminder that fails (a template, an event in a bad state) must not hold up every other one.
                logger.LogError(ex, "Reminder {RuleId} for session {SessionId} failed; the next pass tries again",
                    work.Due.Rule.Id, work.Due.SessionId);
            }
        }

        if (queued > 0)
        {
            // The batches committed in explicit transactions, which the outbox's own wake-up does not see.
            RetryFailedEmail.Nudge(wakeUps);
        }

        return queued;
    }

    private sealed record Work(DueReminder Due, Event Event, Session Session);

    private async Task<IReadOnlyList<Work>> FindDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Only sessions near enough to now can have a reminder due: no offset reaches further than MaxOffsetMinutes.
        var reach = TimeSpan.FromMinutes(ReminderRule.MaxOffsetMinutes);
        var earliest = now - reach - ReminderSchedule.LateWindow;
        var latest = now + reach;
        await using var db = await dbFactory.CreateAsync(ct);
        // Completed counts too: an event is completed when its last session ends, which is when "after the event" reminders fall due.
        var rules = await db.ReminderRules.AsNoTracking()
            .Where(r => r.Enabled)
            .Where(r => db.Events.Any(e => e.Id == r.EventId && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed)))
            .Where(r => db.Sessions.Any(s => s.EventId == r.EventId && s.EndsAt >= earliest && s.StartsAt <= latest))
            .ToListAsync(ct);
        if (rules.Count == 0)
        {
            return [];
        }

        var eventIds = rules.Select(r => r.EventId).Distinct().ToList();
        var sessions = (await db.Sessions.AsNoTracking().Where(s => eventIds.Contains(s.EventId)).ToListAsync(ct)).ToLookup(s => s.EventId);
        var due = rules
            .SelectMany(r => ReminderSchedule.Due(r, [.. sessions[r.EventId]], now))
            .OrderBy(d => d.Rule.Id).ThenBy(d => d.SessionId)
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var dueEventIds = due.Select(d => d.Rule.EventId).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => dueEventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return due.Select(d => new Work(d, events[d.Rule.EventId], sessions[d.Rule.EventId].Single(s => s.Id == d.SessionId))).ToList();
    }

    private async Task<int> SendAsync(Work work, DateTimeOffset now, CancellationToken ct)
    {
        var rule = work.Due.Rule;
        List<Recipient> pending;
        Func<IReadOnlyDictionary<string, string>, TemplatedEmail> prepare;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            // A whole-event reminder goes to every ticket holder; a session's to those holding a ticket for it. An order paid after
            // the reminder was due has just had its confirmation, which says as much.
            Guid[] sessionIds = rule.Scope == ReminderScope.WholeEvent ? [] : [work.Session.Id];
            var filter = new RecipientFilter(MessageAudience.Attendees, sessionIds, [], [OrderStatus.Paid], CheckInFilter.Any);
            var recipients = await MessageRecipients.ListAsync(db, work.Event.Id, filter, ct, paidBefore: work.Due.DueAt);
            // Those already sent are left out before rendering anything; the recording below is what guarantees once.
            var sent = (await db.ReminderDeliveries.AsNoTracking()
                .Where(d => d.RuleId == rule.Id && d.SessionId == work.Session.Id).Select(d => d.Email).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            // In the order of the key, so that two passes racing for the same addresses take their keys in the same order (no deadlock).
            pending = recipients.Where(r => !sent.Contains(Key(r.Email))).OrderBy(r => Key(r.Email), StringComparer.Ordinal).ToList();
            if (pending.Count == 0)
            {
                return 0;
            }

            var wording = await EmailTemplates.WordingAsync(db, work.Event.OrganizationId, EmailTemplateKind.Reminder, ct);
            var branding = await templated.BrandingAsync(db, work.Event.OrganizationId, ct);
            prepare = values => templated.Prepare(branding, wording, values);
        }

        var queued = 0;
        foreach (var batch in pending.Chunk(BatchSize))
        {
            queued += await SendBatchAsync(work, batch, prepare, now, ct);
        }

        logger.LogInformation("Reminder {RuleId} for session {SessionId} of event {EventId}: {Count} emails queued",
            rule.Id, work.Session.Id, work.Event.Id, queued);
        return queued;
    }

    private async Task<int> SendBatchAsync(Work work, IEnumerable<Recipient> batch,
        Func<IReadOnlyDictionary<string, string>, TemplatedEmail> prepare, DateTimeOffset now, CancellationToken ct)
    {
        var rule = work.Due.Rule;
        // A whole-event reminder speaks of the recipient's own first session; a session's of that session.
        var session = rule.Scope == ReminderScope.WholeEvent ? null : work.Session;
        await using var db = await dbFactory.CreateAsync(ct);
        var emails = new Dictionary<string, OutboxEmail>(StringComparer.Ordinal);
        var deliveries = new List<ReminderDelivery>();
        foreach (var recipient in batch)
        {
            var key = Key(recipient.Email);
            if (emails.ContainsKey(key))
            {
                continue;
            }

            var email = prepare(recipientValues.For(work.Event, recipient, session));
            var row = EmailOutbox.Enqueue(db, email.Layout().ToMessage(recipient.Email, email.Wording.Subject, Kind), now);
            row.OrganizationId = work.Event.OrganizationId;
            emails[key] = row;
            deliveries.Add(new ReminderDelivery
            {
                Id = Guid.CreateVersion7(),
                RuleId = rule.Id,
                SessionId = work.Session.Id,
                Email = key,
                OutboxEmailId = row.Id,
                CreatedAt = now,
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recorded = (await db.Atomic.TryRecordReminderDeliveriesAsync(deliveries, ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in emails.Where(e => !recorded.Contains(e.Key)).Select(e => e.Value))
        {
            // Another pass recorded this address first (and queued its email): this one is dropped before it is saved.
            db.OutboxEmails.Remove(row);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return recorded.Count;
    }

    private static string Key(string email) => email.Trim().ToLowerInvariant();
}
