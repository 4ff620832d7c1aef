namespace EventPlatform.Core.Organizations.Pages;

/// <summary>A content page as the organizer edits it. An empty slug is made from the title.</summary>
public sealed record ContentPageDetails
{
    public string? Title { get; init; }
    public string? Slug { get; init; }
    public string? Body { get; init; }
    public bool IsPublished { get; init; }
}

/// <summary>
/// <c>organization_page.created</c> and <c>organization_page.updated</c>: the page as saved, without its body (up to
/// 100,000 characters, which the audit log and the webhooks that will carry it should not repeat on every save).
/// </summary>
public sealed record ContentPageAuditDetails(string Title, string Slug, bool IsPublished, int BodyLength);
