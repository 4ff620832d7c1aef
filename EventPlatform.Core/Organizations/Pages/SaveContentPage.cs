using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>Creates or changes a content page of an organization (Manager and up); a refused save changes nothing.</summary>
public sealed class SaveContentPage(
    IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit, TimeProvider clock, IDatabaseErrors databaseErrors)
{
    /// <summary>Creates (<paramref name="pageId"/> null, placed last) or changes a page.</summary>
    /// <exception cref="NotFoundException">The page is not one of this organization's (or was deleted meanwhile).</exception>
    public async Task<CommandResult<ContentPage>> ExecuteAsync(Guid organizationId, Guid? pageId, ContentPageDetails details,
        CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        ContentPage? page = null;
        if (pageId is { } id)
        {
            page = await db.ContentPages.SingleOrDefaultAsync(p => p.Id == id && p.OrganizationId == organizationId, ct)
                ?? throw new NotFoundException();
        }

        var title = details.Title?.Trim() ?? "";
        var errors = new List<ValidationFailure>();
        if (title.Length is < 1 or > ContentPage.TitleMaxLength)
        {
            errors.Add(new(nameof(details.Title), UserMessages.PageTitleLength));
        }

        if ((details.Body?.Length ?? 0) > ContentPage.BodyMaxLength)
        {
            errors.Add(new(nameof(details.Body), UserMessages.PageBodyTooLong));
        }

        var slug = ContentPageSlug.Normalize(details.Slug);
        if (slug.Length == 0)
        {
            slug = title.Length > 0 ? await FreeSlugFromTitleAsync(db, organizationId, pageId, title, ct) : "";
        }
        else if ((ContentPageSlug.Problem(slug) ?? await TakenProblemAsync(db, organizationId, pageId, slug, ct)) is { } problem)
        {
            errors.Add(new(nameof(details.Slug), problem));
        }

        if (errors.Count > 0)
        {
            return CommandResult<ContentPage>.Failure(errors);
        }

        var now = clock.GetUtcNow();
        if (page is null)
        {
            var last = await db.ContentPages.Where(p => p.OrganizationId == organizationId).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0;
            page = new ContentPage { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Title = "", Slug = "", SortOrder = last + 1,
                CreatedAt = now };
            db.ContentPages.Add(page);
        }

        page.Title = title;
        page.Slug = slug;
        page.Body = details.Body ?? "";
        page.IsPublished = details.IsPublished;
        page.UpdatedAt = now;
        audit.Add(db, grant.UserId, organizationId, pageId is null ? AuditActions.OrganizationPageCreated : AuditActions.OrganizationPageUpdated,
            nameof(ContentPage), page.Id.ToString(), AuditDetails(page));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (databaseErrors.IsUniqueViolation(ex))
        {
            // Another manager saved a page with this address between the check and the save.
            return CommandResult<ContentPage>.Failure(new ValidationFailure(nameof(details.Slug), UserMessages.PageSlugTaken));
        }

        return CommandResult<ContentPage>.Success(page);
    }

    internal static ContentPageAuditDetails AuditDetails(ContentPage page) => new(page.Title, page.Slug, page.IsPublished, page.Body.Length);

    private static async Task<string?> TakenProblemAsync(IAppDbContext db, Guid organizationId, Guid? pageId, string slug, CancellationToken ct) =>
        await db.ContentPages.AnyAsync(p => p.OrganizationId == organizationId && p.Slug == slug && p.Id != pageId, ct)
            ? UserMessages.PageSlugTaken
            : null;

    /// <summary>The title's slug, numbered (-2, -3, …) when another page of the organization has it.</summary>
    private static async Task<string> FreeSlugFromTitleAsync(IAppDbContext db, Guid organizationId, Guid? pageId, string title,
        CancellationToken ct)
    {
        var baseSlug = ContentPageSlug.FromTitle(title);
        // Room for "-99" within the slug's maximum length.
        baseSlug = baseSlug.Length > Slug.MaxLength - 3 ? baseSlug[..(Slug.MaxLength - 3)].TrimEnd('-') : baseSlug;
        var prefix = baseSlug + "-";
        var taken = await db.ContentPages
            .Where(p => p.OrganizationId == organizationId && p.Id != pageId && (p.Slug == baseSlug || p.Slug.StartsWith(prefix)))
            .Select(p => p.Slug).ToListAsync(ct);
        var candidate = baseSlug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{baseSlug}-{n}";
        }

        return candidate;
    }
}
