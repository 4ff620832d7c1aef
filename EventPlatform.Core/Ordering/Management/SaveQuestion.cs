using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>Adds or changes a checkout question of an event (Manager and up).</summary>
public sealed class SaveQuestion(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit)
{
    public async Task<CommandResult<EventQuestion>> ExecuteAsync(
        Guid eventId, Guid? questionId, QuestionDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var options = details.Options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(details.Label) || details.Label.Trim().Length > EventQuestion.LabelMaxLength)
        {
            errors.Add(new(nameof(details.Label), UserMessages.QuestionLabelLength));
        }

        if (details.Kind == QuestionKind.Choice && (options.Count < 2 || options.Count > 20 || options.Any(o => o.Length > 100)))
        {
            errors.Add(new(nameof(details.Options), UserMessages.QuestionOptionsCount));
        }

        if (errors.Count > 0)
        {
            return CommandResult<EventQuestion>.Failure(errors);
        }

        EventQuestion question;
        if (questionId is { } id)
        {
            question = await db.EventQuestions.SingleOrDefaultAsync(q => q.Id == id && q.EventId == eventId, ct) ?? throw new NotFoundException();
        }
        else
        {
            var last = await db.EventQuestions.Where(q => q.EventId == eventId).MaxAsync(q => (int?)q.SortOrder, ct) ?? 0;
            question = new EventQuestion { Id = Guid.CreateVersion7(), EventId = eventId, Label = "", SortOrder = last + 1 };
            db.EventQuestions.Add(question);
        }

        question.Label = details.Label!.Trim();
        question.Kind = details.Kind;
        question.Options = details.Kind == QuestionKind.Choice ? options : [];
        question.IsRequired = details.IsRequired;
        audit.Add(db, grant.UserId, grant.OrganizationId, questionId is null ? AuditActions.QuestionCreated : AuditActions.QuestionChanged,
            "EventQuestion", question.Id.ToString(), details);
        db.Raise(new CatalogChanged(eventId)); // the questions are part of the event definition (EventDefinitions)
        await db.SaveChangesAsync(ct);
        return CommandResult<EventQuestion>.Success(question);
    }
}
