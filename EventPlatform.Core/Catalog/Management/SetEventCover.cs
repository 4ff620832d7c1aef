using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Replaces or removes an event's cover image: JPEG, PNG or WebP (checked from the content), at most 5 MB.</summary>
public sealed class SetEventCover(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, IFileStorage storage, AuditTrail audit)
{
    public const long MaxBytes = ImageUpload.MaxBytes;

    public async Task<CommandResult<string>> UploadAsync(Guid eventId, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);

        var (image, format, error) = await ImageUpload.ReadAsync(content, ct);
        if (error is not null)
        {
            return CommandResult<string>.Failure(new ValidationFailure("CoverImage", error));
        }

        await using var buffer = image!;
        var path = $"events/{eventId:N}/cover-{Guid.NewGuid():N}.{format!.Extension}";
        await storage.SaveAsync(path, buffer, ct);
        var previous = await db.Events.Where(e => e.Id == eventId).Select(e => e.CoverImagePath).SingleAsync(ct);
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CoverImagePath, path), ct);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.EventCoverChanged, "Event", eventId.ToString(),
            new EventCoverChangedDetails(path, buffer.Length));
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        if (previous is not null)
        {
            await storage.DeleteAsync(previous, ct);
        }

        return CommandResult<string>.Success(path);
    }

    public async Task RemoveAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var previous = await db.Events.Where(e => e.Id == eventId).Select(e => e.CoverImagePath).SingleAsync(ct);
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CoverImagePath, (string?)null), ct);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.EventCoverRemoved, "Event", eventId.ToString());
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        if (previous is not null)
        {
            await storage.DeleteAsync(previous, ct);
        }
    }
}
