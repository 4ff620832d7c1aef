using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Creates an event (as a Draft) or changes an existing one's details. Managers and above.</summary>
public sealed class SaveEvent(IAppDbContextFactory dbFactory, OrganizationAccess access, CatalogAccess catalogAccess, AuditTrail audit,
    TimeProvider clock)
{
    public async Task<CommandResult<Guid>> CreateAsync(Guid organizationId, EventDetails details, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return CommandResult<Guid>.Failure(errors);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var slug = await ChooseSlugAsync(db, details, eventId: null, ct);
        if (slug is null)
        {
            return CommandResult<Guid>.Failure(new ValidationFailure(nameof(EventDetails.Slug), UserMessages.EventSlugTaken));
        }

        var now = clock.GetUtcNow();
        var created = new Event { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Title = "", Slug = slug, TimeZone = "",
            CreatedAt = now, UpdatedAt = now };
        details.ApplyTo(created, slug);
        db.Events.Add(created);
        db.EventQuestions.AddRange(Ordering.EventQuestion.DefaultsFor(created.Id));
        db.ReminderRules.Add(Messaging.Reminders.ReminderRule.Default(created.Id, now));
        audit.Add(db, grant.UserId, organizationId, AuditActions.EventCreated, "Event", created.Id.ToString(),
            new EventCreatedDetails(created.Title, created.Slug));
        return await SaveAsync(db, created, ct);
    }

    public async Task<CommandResult<Guid>> UpdateAsync(Guid eventId, EventDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return CommandResult<Guid>.Failure(errors);
        }

        var existing = await db.Events.SingleAsync(e => e.Id == eventId, ct);
        if (existing.Status is EventStatus.Cancelled or EventStatus.Completed)
        {
            return CommandResult<Guid>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.EventNotEditable));
        }

        var slug = await ChooseSlugAsync(db, details, eventId, ct);
        if (slug is null)
        {
            return CommandResult<Guid>.Failure(new ValidationFailure(nameof(EventDetails.Slug), UserMessages.EventSlugTaken));
        }

        details.ApplyTo(existing, slug);
        existing.UpdatedAt = clock.GetUtcNow();
        audit.Add(db, grant.UserId, existing.OrganizationId, AuditActions.EventUpdated, "Event", eventId.ToString(),
            new EventUpdatedDetails(existing.Title));
        return await SaveAsync(db, existing, ct);
    }

    /// <summary>The requested slug, or one made from the title (numbered when taken); null when a requested one is taken.</summary>
    private static async Task<string?> ChooseSlugAsync(IAppDbContext db, EventDetails details, Guid? eventId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(details.Slug))
        {
            var requested = details.Slug.Trim();
            return await db.Events.AnyAsync(e => e.Slug == requested && e.Id != eventId, ct) ? null : requested;
        }

        var baseSlug = Slug.FromName(details.Title!);
        baseSlug = baseSlug.Length < Slug.MinLength ? "event" : baseSlug[..Math.Min(baseSlug.Length, 70)];
        var prefix = baseSlug + "-";
        var taken = await db.Events.Where(e => e.Id != eventId && (e.Slug == baseSlug || e.Slug.StartsWith(prefix))).Select(e => e.Slug)
            .ToListAsync(ct);
        var candidate = baseSlug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{baseSlug}-{n}";
        }

        return candidate;
    }

    private async Task<CommandResult<Guid>> SaveAsync(IAppDbContext db, Event saved, CancellationToken ct)
    {
        try
        {
            db.Raise(new CatalogChanged(saved.Id));
            await db.SaveChangesAsync(ct);
            return CommandResult<Guid>.Success(saved.Id);
        }
        catch (DbUpdateException)
        {
            // Someone else took the same address between our check and the insert; the unique index decided.
            await using var check = await dbFactory.CreateAsync(ct);
            if (await check.Events.AnyAsync(e => e.Slug == saved.Slug && e.Id != saved.Id, ct))
            {
                return CommandResult<Guid>.Failure(new ValidationFailure(nameof(EventDetails.Slug), UserMessages.EventSlugTaken));
            }

            throw;
        }
    }
}
