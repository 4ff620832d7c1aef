namespace EventPlatform.Core.Organizations.Pages;

/// <summary>
/// A page an organization writes for its public site (FAQ, directions, code of conduct), at
/// /o/{organization}/{slug}. Its Markdown is stored as typed and sanitized when shown, so a fix to the
/// sanitizer protects pages saved before it.
/// </summary>
public class ContentPage
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 100_000;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Title { get; set; }
    /// <summary>Unique within the organization (a unique index), never one of <see cref="ContentPageSlug.Reserved"/>.</summary>
    public required string Slug { get; set; }
    public string Body { get; set; } = "";
    /// <summary>Drafts are seen only by the organization's managers: the public site answers 404 for them.</summary>
    public bool IsPublished { get; set; }
    /// <summary>Position in the public navigation, ascending; renumbered 1…n by every move.</summary>
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last save, publish or unpublish: the sitemap's <c>lastmod</c>.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
