using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Messaging;

/// <summary>What the organizer composed: to whom, and the subject and Markdown body.</summary>
public sealed record MessageDraft(RecipientFilter Filter, string? Subject, string? Body);

/// <summary>How many addresses a filter reaches, and the first few of them.</summary>
public sealed record RecipientSample(int Count, IReadOnlyList<string> First);

/// <summary>A preview: the subject and the whole HTML document, for sample values or for one real recipient.</summary>
public sealed record MessagePreview(string Subject, string Html, string? RecipientEmail);

/// <summary>Audit details of a scheduled, sent-now or cancelled message (not its body).</summary>
public sealed record AttendeeMessageAuditDetails(Guid EventId, string Subject, int Recipients, DateTimeOffset SendAt);

/// <summary>
/// The event's composer (Manager and up): count and preview the recipients, send a test to oneself,
/// send now or schedule, and cancel before it goes. The sending itself is <see cref="SendDueMessages"/>'s.
/// A message to more than the platform's limit of recipients needs an Admin; the organization's
/// daily limit is checked now for "send now" and again when it goes.
/// </summary>
public sealed class AttendeeMessages(
    IAppDbContextFactory dbFactory,
    CatalogAccess catalogAccess,
    TemplatedEmails templated,
    RecipientValues recipientValues,
    SendDueMessages sender,
    ISettingsService settings,
    AuditTrail audit,
    IEnumerable<IOutboxWakeUp> wakeUps,
    TimeProvider clock,
    ILogger<AttendeeMessages> logger)
{
    public const string TestKind = "event.message.test";

    /// <summary>What a preview shows instead of a buyer's order key.</summary>
    public const string PreviewOrderKey = "the-buyers-own-link";
    private const int RecipientChoices = 50;

    /// <summary>How many addresses the filter reaches now, and the first of them (to preview the message with a real person's values).</summary>
    public async Task<RecipientSample> RecipientsAsync(Guid eventId, RecipientFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var recipients = await MessageRecipients.ListAsync(db, eventId, filter, ct);
        return new RecipientSample(recipients.Count, recipients.Take(RecipientChoices).Select(r => r.Email).ToList());
    }

    /// <summary>
    /// The message as <paramref name="recipientEmail"/> would get it (one of the filter's recipients),
    /// or with sample values when null; refused with the field named for unknown placeholders.
    /// </summary>
    public async Task<CommandResult<MessagePreview>> PreviewAsync(Guid eventId, MessageDraft draft, string? recipientEmail,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (Validate(draft) is { Count: > 0 } errors)
        {
            return CommandResult<MessagePreview>.Failure(errors);
        }

        var values = (IReadOnlyDictionary<string, string>)EmailPlaceholders.ForMessages.ToDictionary(p => p.Name, p => p.Example);
        if (recipientEmail is not null)
        {
            var recipient = (await MessageRecipients.ListAsync(db, eventId, draft.Filter, ct))
                .FirstOrDefault(r => string.Equals(r.Email, recipientEmail, StringComparison.OrdinalIgnoreCase));
            if (recipient is null)
            {
                return CommandResult<MessagePreview>.Failure(new ValidationFailure("PreviewRecipient", UserMessages.MessagePreviewRecipientUnknown));
            }

            // The real link would hand the organizer the buyer's order key (it changes and cancels the order): a stand-in shows where it goes.
            var masked = recipient.OrderAccessKey is null ? recipient : recipient with { OrderAccessKey = PreviewOrderKey };
            values = recipientValues.For(await EventAsync(db, eventId, ct), masked);
        }

        var email = templated.Prepare(await templated.BrandingAsync(db, grant.OrganizationId, ct), Wording(draft), values);
        return CommandResult<MessagePreview>.Success(new MessagePreview(email.Wording.Subject, email.Layout().ToHtml(), recipientEmail));
    }

    /// <summary>"Send a test to me": the message with sample values, to the signed-in organizer's own address, now.</summary>
    public async Task<CommandResult<string>> SendTestAsync(Guid eventId, MessageDraft draft, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (Validate(draft) is { Count: > 0 } errors)
        {
            return CommandResult<string>.Failure(errors);
        }

        var me = await db.Users.AsNoTracking().Where(u => u.Id == grant.UserId).Select(u => u.Email).SingleAsync(ct)
            ?? throw new InvalidOperationException("The signed-in user has no email address.");
        var values = EmailPlaceholders.ForMessages.ToDictionary(p => p.Name, p => p.Example);
        var email = templated.Prepare(await templated.BrandingAsync(db, grant.OrganizationId, ct), Wording(draft), values);
        var row = EmailOutbox.Enqueue(db, email.Layout().ToMessage(me, "[Test] " + email.Wording.Subject, TestKind), clock.GetUtcNow());
        row.OrganizationId = grant.OrganizationId;
        await db.SaveChangesAsync(ct);
        RetryFailedEmail.Nudge(wakeUps);
        return CommandResult<string>.Success(me);
    }

    /// <summary>
    /// Sends the message now (<paramref name="sendAtLocal"/> null) or schedules it for a moment in the
    /// event's time zone (<c>yyyy-MM-ddTHH:mm</c>, in the future). Returns the message's id.
    /// </summary>
    public async Task<CommandResult<Guid>> ScheduleAsync(Guid eventId, MessageDraft draft, string? sendAtLocal, CancellationToken ct = default)
    {
        var limits = await settings.GetAsync(ct);
        AttendeeMessage message;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
            var ev = await EventAsync(db, eventId, ct);
            var now = clock.GetUtcNow();
            var errors = Validate(draft);
            errors.AddRange(await FilterErrorsAsync(db, eventId, draft.Filter, ct));
            var sendAt = now;
            if (sendAtLocal is not null && (!EventTime.TryFromLocalInput(sendAtLocal, ev.TimeZone, out sendAt) || sendAt <= now))
            {
                errors.Add(new ValidationFailure("SendAt",
                    string.Format(CultureInfo.InvariantCulture, UserMessages.MessageSendAtInvalid, ev.TimeZone)));
            }

            if (errors.Count > 0)
            {
                return CommandResult<Guid>.Failure(errors);
            }

            var count = (await MessageRecipients.ListAsync(db, eventId, draft.Filter, ct)).Count;
            var byAdmin = grant.Allows(OrgRole.Admin);
            if (RecipientsError(count, byAdmin, limits) is { } recipientsError)
            {
                return CommandResult<Guid>.Failure(new ValidationFailure("Recipients", recipientsError));
            }

            if (sendAtLocal is null && await SendDueMessages.SentInLastDayAsync(db, grant.OrganizationId, now, ct) is var sent
                && sent + count > limits.MessageEmailsPerOrganizationPerDay)
            {
                return CommandResult<Guid>.Failure(new ValidationFailure("Recipients",
                    UserMessages.MessageDailyLimit(count, limits.MessageEmailsPerOrganizationPerDay, sent)));
            }

            message = new AttendeeMessage
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = grant.OrganizationId,
                EventId = eventId,
                Subject = draft.Subject!.Trim(),
                Body = draft.Body!.Trim(),
                Audience = draft.Filter.Audience,
                SessionIds = [.. draft.Filter.SessionIds.Distinct()],
                TicketTypeIds = [.. draft.Filter.TicketTypeIds.Distinct()],
                OrderStatuses = [.. draft.Filter.OrderStatuses.Distinct()],
                CheckedIn = draft.Filter.CheckedIn,
                Status = AttendeeMessageStatus.Scheduled,
                SendAt = sendAt,
                CreatedAt = now,
                CreatedByUserId = grant.UserId,
                ScheduledByAdmin = byAdmin,
                RecipientCount = count,
            };
            db.AttendeeMessages.Add(message);
            audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.AttendeeMessageScheduled, nameof(AttendeeMessage), message.Id.ToString(),
                new AttendeeMessageAuditDetails(eventId, message.Subject, count, sendAt));
            await db.SaveChangesAsync(ct);
        }

        if (sendAtLocal is null)
        {
            // "Send now" goes at once, by the same path as the worker (which would pick it up within its interval otherwise).
            try
            {
                if (await sender.SendAsync(message.Id, ct) is { Status: AttendeeMessageStatus.Refused } refused)
                {
                    // Another message took the day's last places meanwhile (or the author's role changed): it is listed as not sent.
                    return CommandResult<Guid>.Failure(new ValidationFailure("Recipients", refused.RefusedReason!));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // It is saved as due now: the worker sends it within half a minute. Sending it again here would send it twice.
                logger.LogError(ex, "Message {MessageId} could not be sent at once; the worker sends it", message.Id);
            }
        }

        return CommandResult<Guid>.Success(message.Id);
    }

    /// <summary>Cancels a scheduled message; false when it already went (or was cancelled): one conditional update, so it never half-sends.</summary>
    public async Task<bool> CancelAsync(Guid messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var message = await db.AttendeeMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, ct) ?? throw new NotFoundException();
        var grant = await catalogAccess.RequireEventAsync(db, message.EventId, OrgRole.Manager, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var cancelled = await db.AttendeeMessages.Where(m => m.Id == messageId && m.Status == AttendeeMessageStatus.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, AttendeeMessageStatus.Cancelled).SetProperty(m => m.CancelledAt, now)
                .SetProperty(m => m.CancelledByUserId, grant.UserId), ct) == 1;
        if (cancelled)
        {
            audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.AttendeeMessageCancelled, nameof(AttendeeMessage), messageId.ToString(),
                new AttendeeMessageAuditDetails(message.EventId, message.Subject, message.RecipientCount, message.SendAt));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return cancelled;
    }

    /// <summary>The recipient-count error for <paramref name="count"/> addresses, or null.</summary>
    private static string? RecipientsError(int count, bool byAdmin, PlatformSettings limits) =>
        count == 0 ? UserMessages.MessageNoRecipients
        : count > limits.MessageRecipientsWithoutAdmin && !byAdmin ? UserMessages.MessageNeedsAdmin(count, limits.MessageRecipientsWithoutAdmin)
        : null;

    private static EmailWording Wording(MessageDraft draft) => AttendeeMessage.WordingOf(draft.Subject!.Trim(), draft.Body!.Trim());

    private static async Task<Event> EventAsync(IAppDbContext db, Guid eventId, CancellationToken ct) =>
        await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);

    /// <summary>Subject and body: lengths, and only placeholders from the list (the field named).</summary>
    internal static List<ValidationFailure> Validate(MessageDraft draft)
    {
        var errors = new List<ValidationFailure>();
        Check(nameof(draft.Subject), draft.Subject, AttendeeMessage.SubjectMaxLength);
        Check(nameof(draft.Body), draft.Body, AttendeeMessage.BodyMaxLength);
        return errors;

        void Check(string field, string? value, int maxLength)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0 || text.Length > maxLength)
            {
                errors.Add(new ValidationFailure(field, string.Format(CultureInfo.InvariantCulture, UserMessages.TemplateFieldLength, maxLength)));
            }
            else if (EmailPlaceholders.Unknown(EmailPlaceholders.ForMessages, text) is { Count: > 0 } unknown)
            {
                errors.Add(new ValidationFailure(field, string.Format(CultureInfo.InvariantCulture, UserMessages.TemplateUnknownPlaceholder,
                    string.Join(", ", unknown.Select(n => "{" + n + "}")))));
            }
        }
    }

    /// <summary>The filter names only this event's sessions and ticket types, and states a message may go to.</summary>
    private static async Task<List<ValidationFailure>> FilterErrorsAsync(IAppDbContext db, Guid eventId, RecipientFilter filter, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (!Enum.IsDefined(filter.Audience) || !Enum.IsDefined(filter.CheckedIn))
        {
            errors.Add(new ValidationFailure("Audience", UserMessages.MessageAudienceUnknown));
        }

        var sessionIds = filter.SessionIds.Distinct().ToList();
        if (sessionIds.Count > 0 && await db.Sessions.CountAsync(s => s.EventId == eventId && sessionIds.Contains(s.Id), ct) != sessionIds.Count)
        {
            errors.Add(new ValidationFailure("Sessions", UserMessages.ExportSessionUnknown));
        }

        var typeIds = filter.TicketTypeIds.Distinct().ToList();
        if (typeIds.Count > 0 && await db.TicketTypes.CountAsync(t => t.EventId == eventId && typeIds.Contains(t.Id), ct) != typeIds.Count)
        {
            errors.Add(new ValidationFailure("TicketTypes", UserMessages.ExportTicketTypeUnknown));
        }

        if (filter.OrderStatuses.Count == 0 || filter.OrderStatuses.Any(s => !RecipientFilter.SelectableStatuses.Contains(s)))
        {
            errors.Add(new ValidationFailure("OrderStatuses", UserMessages.MessageStatusRequired));
        }

        return errors;
    }
}
