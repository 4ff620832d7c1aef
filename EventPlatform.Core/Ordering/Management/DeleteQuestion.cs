using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>Removes a checkout question of an event; answers already given stay on their tickets.</summary>
public sealed class DeleteQuestion(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit)
{
    public async Task ExecuteAsync(Guid eventId, Guid questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (await db.EventQuestions.Where(q => q.Id == questionId && q.EventId == eventId).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException();
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.QuestionDeleted, "EventQuestion", questionId.ToString());
        db.Raise(new CatalogChanged(eventId)); // the questions are part of the event definition (EventDefinitions)
        await db.SaveChangesAsync(ct);
    }
}
