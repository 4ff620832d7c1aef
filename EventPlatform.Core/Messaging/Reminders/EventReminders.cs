using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Messaging.Reminders;

public enum ReminderDirection
{
    Before,
    After,
}

/// <summary>What the organizer chose for a new rule: "<see cref="Amount"/> <see cref="Unit"/> before the start of S2".</summary>
public sealed record ReminderRuleInput(int? Amount, ReminderUnit Unit, ReminderDirection Direction, ReminderAnchor Anchor, ReminderScope Scope,
    Guid? SessionId);

/// <summary>A rule as listed, with how many reminders it has queued so far (one per address and session).</summary>
public sealed record ReminderRuleRow(Guid Id, string Description, bool Enabled, int Sent);

/// <summary>A session a rule can be about: "S2 — Day 2".</summary>
public sealed record ReminderSessionOption(Guid Id, string Label);

/// <summary>The event's reminders, what the panel offers for a new one, and whether the caller may change them.</summary>
public sealed record EventRemindersView(Guid OrganizationId, bool CanEdit, IReadOnlyList<ReminderSessionOption> Sessions,
    IReadOnlyList<ReminderRuleRow> Rules);

/// <summary>Audit details of a reminder rule change: the rule as it is after the change (before, for a removal).</summary>
public sealed record ReminderRuleAuditDetails(string Description, string Scope, Guid? SessionId, string Anchor, int OffsetMinutes, bool Enabled);

/// <summary>An event's reminder rules: listed for Analysts and up; added, turned on or off and removed by Managers and up.</summary>
public sealed class EventReminders(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock)
{
    public async Task<EventRemindersView> ListAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Code)
            .ToListAsync(ct);
        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);
        var ruleIds = rules.Select(r => r.Id).ToList();
        var sent = await db.ReminderDeliveries.AsNoTracking().Where(d => ruleIds.Contains(d.RuleId)).GroupBy(d => d.RuleId)
            .Select(g => new { RuleId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RuleId, x => x.Count, ct);
        return new EventRemindersView(
            grant.OrganizationId,
            grant.Allows(OrgRole.Manager),
            sessions.Select(s => new ReminderSessionOption(s.Id, ReminderDescription.SessionLabel(s))).ToList(),
            rules.Select(r => new ReminderRuleRow(r.Id, ReminderDescription.Of(r, sessions.FirstOrDefault(s => s.Id == r.SessionId)), r.Enabled,
                sent.GetValueOrDefault(r.Id))).ToList());
    }

    /// <summary>Adds an enabled rule. Refused, with the field named and nothing saved, for an amount out of range, a session of
    /// another event, or a rule the event already has (it would send the same reminder twice).</summary>
    public async Task<CommandResult<Guid>> AddAsync(Guid eventId, ReminderRuleInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var errors = new List<ValidationFailure>();
        // Enums arrive from a form: a value outside them is refused, never stored.
        if (!Enum.IsDefined(input.Unit))
        {
            errors.Add(new(nameof(input.Unit), UserMessages.ReminderChoice));
        }

        if (input.Amount is not { } amount || amount < 0
            || (Enum.IsDefined(input.Unit) && ReminderDescription.Minutes(amount, input.Unit) > ReminderRule.MaxOffsetMinutes))
        {
            errors.Add(new(nameof(input.Amount), UserMessages.ReminderAmountRange));
        }

        if (!Enum.IsDefined(input.Direction))
        {
            errors.Add(new(nameof(input.Direction), UserMessages.ReminderChoice));
        }

        if (!Enum.IsDefined(input.Anchor))
        {
            errors.Add(new(nameof(input.Anchor), UserMessages.ReminderChoice));
        }

        if (!Enum.IsDefined(input.Scope))
        {
            errors.Add(new(nameof(input.Scope), UserMessages.ReminderChoice));
        }
        else if (input.Scope == ReminderScope.OneSession
                 && (input.SessionId is not { } sessionId || !await db.Sessions.AnyAsync(s => s.Id == sessionId && s.EventId == eventId, ct)))
        {
            errors.Add(new(nameof(input.SessionId), UserMessages.ReminderSession));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Guid>.Failure(errors);
        }

        var minutes = (int)ReminderDescription.Minutes(input.Amount!.Value, input.Unit);
        var rule = new ReminderRule
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Scope = input.Scope,
            // Only a one-session rule names a session; any other id sent along is dropped.
            SessionId = input.Scope == ReminderScope.OneSession ? input.SessionId : null,
            Anchor = input.Anchor,
            OffsetMinutes = input.Direction == ReminderDirection.Before ? -minutes : minutes,
            Enabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        // One change of an event's rules at a time: the duplicate check and the cap below see every rule added before.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Locks.NameAsync($"reminder-rules:{eventId}", ct);
        if (await db.ReminderRules.AnyAsync(r => r.EventId == eventId && r.Scope == rule.Scope && r.SessionId == rule.SessionId
                && r.Anchor == rule.Anchor && r.OffsetMinutes == rule.OffsetMinutes, ct))
        {
            return CommandResult<Guid>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.ReminderExists));
        }

        // Each rule mails every attendee: a cap keeps a stolen organizer account from turning reminders into a flood.
        if (await db.ReminderRules.CountAsync(r => r.EventId == eventId, ct) >= ReminderRule.MaxRulesPerEvent)
        {
            return CommandResult<Guid>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.ReminderLimit));
        }

        db.ReminderRules.Add(rule);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.ReminderRuleAdded, nameof(ReminderRule), rule.Id.ToString(),
            await DetailsAsync(db, rule, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<Guid>.Success(rule.Id);
    }

    /// <summary>Turns a rule on or off. Reminders already sent stay sent; turned on again, it sends only what is due and not stale.</summary>
    public async Task SetEnabledAsync(Guid eventId, Guid ruleId, bool enabled, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var rule = await db.ReminderRules.SingleOrDefaultAsync(r => r.Id == ruleId && r.EventId == eventId, ct) ?? throw new NotFoundException();
        if (rule.Enabled == enabled)
        {
            return;
        }

        rule.Enabled = enabled;
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.ReminderRuleChanged, nameof(ReminderRule), rule.Id.ToString(),
            await DetailsAsync(db, rule, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a rule with its record of what it sent (the emails stay in the email log).</summary>
    public async Task DeleteAsync(Guid eventId, Guid ruleId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var rule = await db.ReminderRules.SingleOrDefaultAsync(r => r.Id == ruleId && r.EventId == eventId, ct) ?? throw new NotFoundException();
        db.ReminderRules.Remove(rule);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.ReminderRuleRemoved, nameof(ReminderRule), rule.Id.ToString(),
            await DetailsAsync(db, rule, ct));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ReminderRuleAuditDetails> DetailsAsync(IAppDbContext db, ReminderRule rule, CancellationToken ct)
    {
        var session = rule.SessionId is { } id ? await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        return new ReminderRuleAuditDetails(ReminderDescription.Of(rule, session), rule.Scope.ToString(), rule.SessionId, rule.Anchor.ToString(),
            rule.OffsetMinutes, rule.Enabled);
    }
}
