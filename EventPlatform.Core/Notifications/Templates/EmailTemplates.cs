using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Notifications.Templates;

/// <summary>What the organizer typed for a template.</summary>
public sealed record EmailWordingInput(string? Subject, string? Heading, string? Body);

/// <summary>A preview: the subject and the whole HTML document a buyer would get.</summary>
public sealed record EmailPreview(string Subject, string Html);

/// <summary>Audit details of a template change: what it is now (the body's length, not the body).</summary>
public sealed record EmailTemplateAuditDetails(string Kind, string Subject, int BodyLength);

/// <summary>
/// The organization's email templates (Manager and up): read, save (refused, with the field named,
/// for unknown placeholders or lengths), reset to the default, and preview with sample values.
/// </summary>
public sealed class EmailTemplates(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit, TimeProvider clock,
    TemplatedEmails templated, IDatabaseErrors databaseErrors)
{
    /// <summary>The wording an email of <paramref name="kind"/> uses for the organization: its own, or the default.</summary>
    public static async Task<EmailWording> WordingAsync(IAppDbContext db, Guid organizationId, EmailTemplateKind kind, CancellationToken ct) =>
        await db.EmailTemplates.AsNoTracking().Where(t => t.OrganizationId == organizationId && t.Kind == kind)
            .Select(t => new EmailWording(t.Subject, t.Heading, t.Body, false)).SingleOrDefaultAsync(ct)
        ?? EmailTemplateDefaults.For(kind);

    public async Task<IReadOnlyDictionary<EmailTemplateKind, EmailWording>> ListAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var own = await db.EmailTemplates.AsNoTracking().Where(t => t.OrganizationId == organizationId).ToListAsync(ct);
        return EmailTemplateKinds.All.ToDictionary(k => k, k => own.FirstOrDefault(t => t.Kind == k) is { } t
            ? new EmailWording(t.Subject, t.Heading, t.Body, false)
            : EmailTemplateDefaults.For(k));
    }

    public async Task<CommandResult<EmailWording>> SaveAsync(Guid organizationId, EmailTemplateKind kind, EmailWordingInput input,
        CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        var errors = Validate(kind, input);
        if (errors.Count > 0)
        {
            return CommandResult<EmailWording>.Failure(errors);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var template = await db.EmailTemplates.SingleOrDefaultAsync(t => t.OrganizationId == organizationId && t.Kind == kind, ct);
        if (template is null)
        {
            template = new EmailTemplate { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Kind = kind, Subject = "", Heading = "",
                Body = "" };
            db.EmailTemplates.Add(template);
        }

        template.Subject = input.Subject!.Trim();
        template.Heading = input.Heading!.Trim();
        template.Body = input.Body!.Trim();
        template.UpdatedAt = clock.GetUtcNow();
        template.UpdatedByUserId = grant.UserId;
        audit.Add(db, grant.UserId, organizationId, AuditActions.EmailTemplateSaved, nameof(EmailTemplate), template.Id.ToString(),
            new EmailTemplateAuditDetails(kind.ToString(), template.Subject, template.Body.Length));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (databaseErrors.IsUniqueViolation(ex))
        {
            // Someone else saved the first version of this template at the same moment: theirs stands, this one is refused.
            return CommandResult<EmailWording>.Failure(new ValidationFailure(nameof(input.Body), UserMessages.TemplateChangedMeanwhile));
        }

        return CommandResult<EmailWording>.Success(new EmailWording(template.Subject, template.Heading, template.Body, false));
    }

    /// <summary>Back to the product's wording: the organization's own is deleted.</summary>
    public async Task<EmailWording> ResetAsync(Guid organizationId, EmailTemplateKind kind, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var template = await db.EmailTemplates.SingleOrDefaultAsync(t => t.OrganizationId == organizationId && t.Kind == kind, ct);
        if (template is not null)
        {
            db.EmailTemplates.Remove(template);
            audit.Add(db, grant.UserId, organizationId, AuditActions.EmailTemplateReset, nameof(EmailTemplate), template.Id.ToString(),
                new EmailTemplateAuditDetails(kind.ToString(), template.Subject, template.Body.Length));
            await db.SaveChangesAsync(ct);
        }

        return EmailTemplateDefaults.For(kind);
    }

    /// <summary>
    /// The email as a buyer would read it, with the wording as typed and the sample values of its
    /// placeholders, in the organization's branding: a whole HTML document (nothing is saved).
    /// </summary>
    public async Task<CommandResult<EmailPreview>> PreviewAsync(Guid organizationId, EmailTemplateKind kind, EmailWordingInput input,
        CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        var errors = Validate(kind, input);
        if (errors.Count > 0)
        {
            return CommandResult<EmailPreview>.Failure(errors);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var email = await templated.PrepareAsync(db, organizationId, new EmailWording(input.Subject!, input.Heading!, input.Body!, false),
            EmailPlaceholders.Examples(kind), ct);
        var layout = email.Layout();
        if (kind == EmailTemplateKind.OrderConfirmation)
        {
            layout = layout with
            {
                ExtraHtml = "<p style=\"color:#6b7280;font-style:italic\">" + BrandedEmail.Encode(UserMessages.TemplateAddedBelow) + "</p>",
            };
        }

        return CommandResult<EmailPreview>.Success(new EmailPreview(email.Wording.Subject, layout.ToHtml()));
    }

    private static List<ValidationFailure> Validate(EmailTemplateKind kind, EmailWordingInput input)
    {
        var errors = new List<ValidationFailure>();
        Check(nameof(input.Subject), input.Subject, EmailTemplate.SubjectMaxLength);
        Check(nameof(input.Heading), input.Heading, EmailTemplate.HeadingMaxLength);
        Check(nameof(input.Body), input.Body, EmailTemplate.BodyMaxLength);
        return errors;

        void Check(string field, string? value, int maxLength)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0 || text.Length > maxLength)
            {
                errors.Add(new ValidationFailure(field, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    UserMessages.TemplateFieldLength, maxLength)));
            }
            else if (EmailPlaceholders.Unknown(kind, text) is { Count: > 0 } unknown)
            {
                errors.Add(new ValidationFailure(field, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    UserMessages.TemplateUnknownPlaceholder, string.Join(", ", unknown.Select(n => "{" + n + "}")))));
            }
        }
    }
}
