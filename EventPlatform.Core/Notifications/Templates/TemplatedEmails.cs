using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventPlatform.Core.Notifications.Templates;

/// <summary>An organization's email, worded by its template and dressed in its branding, ready for the layout.</summary>
public sealed record TemplatedEmail(string OrganizationName, string Colour, string? LogoUrl, RenderedWording Wording)
{
    /// <summary>The branded layout with this wording; callers add what every such email carries (summaries, QR codes).</summary>
    public BrandedEmail Layout() => new(OrganizationName, Wording.Heading, [])
    {
        Colour = Colour,
        LogoUrl = LogoUrl,
        BodyHtml = Wording.BodyHtml,
        BodyText = Wording.BodyText,
    };
}

/// <summary>Prepares the emails organizations send to their buyers: their template (or the default), their name, colour and logo.</summary>
public sealed class TemplatedEmails(EmailTemplateRenderer renderer, IOptions<SiteOptions> site)
{
    /// <summary>The email of <paramref name="kind"/> in the organization's wording (or the default).</summary>
    public async Task<TemplatedEmail> PrepareAsync(IAppDbContext db, Guid organizationId, EmailTemplateKind kind,
        IReadOnlyDictionary<string, string> values, CancellationToken ct) =>
        await PrepareAsync(db, organizationId, await EmailTemplates.WordingAsync(db, organizationId, kind, ct), values, ct);

    /// <summary>The email in the given wording (a preview of unsaved text), with the organization's name, colour and logo.</summary>
    public async Task<TemplatedEmail> PrepareAsync(IAppDbContext db, Guid organizationId, EmailWording wording,
        IReadOnlyDictionary<string, string> values, CancellationToken ct) =>
        (await PreparerAsync(db, organizationId, wording, ct))(values);

    /// <summary>
    /// The organization's emails of <paramref name="kind"/> for many recipients (reminders): the wording and
    /// branding are read once, and the function renders one recipient's email from its values.
    /// </summary>
    public async Task<Func<IReadOnlyDictionary<string, string>, TemplatedEmail>> PrepareManyAsync(IAppDbContext db, Guid organizationId,
        EmailTemplateKind kind, CancellationToken ct) =>
        await PreparerAsync(db, organizationId, await EmailTemplates.WordingAsync(db, organizationId, kind, ct), ct);

    private async Task<Func<IReadOnlyDictionary<string, string>, TemplatedEmail>> PreparerAsync(IAppDbContext db, Guid organizationId,
        EmailWording wording, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.BrandColour, o.LogoPath }).SingleAsync(ct);
        var logoUrl = organization.LogoPath is null ? null : site.Value.Url($"/media/{organization.LogoPath}");
        return values =>
        {
            var all = new Dictionary<string, string>(values) { [EmailPlaceholders.OrganizationName.Name] = organization.Name };
            return new TemplatedEmail(organization.Name, organization.BrandColour, logoUrl, renderer.Render(wording, all));
        };
    }
}
