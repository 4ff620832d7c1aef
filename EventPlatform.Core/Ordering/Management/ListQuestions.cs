using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>The checkout questions of an event, in order, for its organizers.</summary>
public sealed class ListQuestions(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess)
{
    public async Task<IReadOnlyList<EventQuestion>> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        return await db.EventQuestions.AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ToListAsync(ct);
    }
}
