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
        Prepare(await BrandingAsync(db, organizationId, ct), wording, values);

    /// <summary>The organization's name, colour and logo, read once for many emails (a message to a thousand attendees).</summary>
    public async Task<OrganizationBranding> BrandingAsync(IAppDbContext db, Guid organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.BrandColour, o.LogoPath }).SingleAsync(ct);
        return new OrganizationBranding(organization.Name, organization.BrandColour,
            organization.LogoPath is null ? null : site.Value.Url($"/media/{organization.LogoPath}"));
    }

    /// <summary>The email in <paramref name="wording"/> for one recipient's <paramref name="values"/>, in <paramref name="branding"/>.</summary>
    public TemplatedEmail Prepare(OrganizationBranding branding, EmailWording wording, IReadOnlyDictionary<string, string> values)
    {
        var all = new Dictionary<string, string>(values) { [EmailPlaceholders.OrganizationName.Name] = branding.Name };
        return new TemplatedEmail(branding.Name, branding.Colour, branding.LogoUrl, renderer.Render(wording, all));
    }
}

/// <summary>What an organization's emails wear: its name, brand colour and logo address.</summary>
public sealed record OrganizationBranding(string Name, string Colour, string? LogoUrl);
