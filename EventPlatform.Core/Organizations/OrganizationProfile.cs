using System.Net.Mail;
using System.Text.RegularExpressions;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>What an organization's settings page edits.</summary>
public sealed record OrganizationProfileDetails
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? ContactEmail { get; init; }
    public string? DefaultCurrency { get; init; }
    public string? DefaultTimeZone { get; init; }
    public string? BrandColour { get; init; }
    public string? About { get; init; }
    /// <summary>Read-only here: the logo changes through <see cref="OrganizationProfile.SetLogoAsync"/>.</summary>
    public string? LogoPath { get; init; }
}

/// <summary>Reads and changes an organization's settings: Admins and Owners.</summary>
public sealed partial class OrganizationProfile(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit,
    Storage.IFileStorage storage)
{
    public const int AboutMaxLength = 5000;

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();

    public async Task<OrganizationProfileDetails> GetAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new OrganizationProfileDetails
            {
                Name = o.Name, Slug = o.Slug, ContactEmail = o.ContactEmail, DefaultCurrency = o.DefaultCurrency,
                DefaultTimeZone = o.DefaultTimeZone, BrandColour = o.BrandColour, About = o.About, LogoPath = o.LogoPath,
            })
            .SingleAsync(ct);
    }

    public async Task<CommandResult<bool>> UpdateAsync(Guid organizationId, OrganizationProfileDetails details, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        var errors = Validate(details);
        await using var db = await dbFactory.CreateAsync(ct);
        var slug = details.Slug?.Trim() ?? "";
        if (errors.All(e => e.Field != nameof(details.Slug)) && await db.Organizations.AnyAsync(o => o.Slug == slug && o.Id != organizationId, ct))
        {
            errors.Add(new(nameof(details.Slug), UserMessages.SlugTaken));
        }

        if (errors.Count > 0)
        {
            return CommandResult<bool>.Failure(errors);
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
        organization.Name = details.Name!.Trim();
        organization.Slug = slug;
        organization.ContactEmail = string.IsNullOrWhiteSpace(details.ContactEmail) ? null : details.ContactEmail.Trim();
        organization.DefaultCurrency = details.DefaultCurrency!.Trim().ToUpperInvariant();
        organization.DefaultTimeZone = details.DefaultTimeZone!.Trim();
        organization.BrandColour = details.BrandColour!.Trim().ToUpperInvariant();
        organization.About = string.IsNullOrWhiteSpace(details.About) ? null : details.About.Trim();
        audit.Add(db, grant.UserId, organizationId, AuditActions.OrganizationUpdated, "Organization", organizationId.ToString(),
            new OrganizationNamedDetails(organization.Name, organization.Slug));
        // Every card of the organization's events shows its name.
        db.Raise(new CatalogChanged(EventId: null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organization took the address between the check and the save; anything else is a real error.
            await using var check = await dbFactory.CreateAsync(ct);
            if (await check.Organizations.AnyAsync(o => o.Slug == slug && o.Id != organizationId, ct))
            {
                return CommandResult<bool>.Failure(new ValidationFailure(nameof(details.Slug), UserMessages.SlugTaken));
            }

            throw;
        }

        return CommandResult<bool>.Success(true);
    }

    /// <summary>Replaces the logo: JPEG, PNG or WebP by content, at most 5 MB.</summary>
    public async Task<CommandResult<string>> SetLogoAsync(Guid organizationId, Stream content, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        var (image, format, error) = await Storage.ImageUpload.ReadAsync(content, ct);
        if (error is not null)
        {
            return CommandResult<string>.Failure(new ValidationFailure("Logo", error));
        }

        await using var buffer = image!;
        var path = $"orgs/{organizationId:N}/logo-{Guid.NewGuid():N}.{format!.Extension}";
        await storage.SaveAsync(path, buffer, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var previous = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.LogoPath).SingleAsync(ct);
        await db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.LogoPath, path), ct);
        audit.Add(db, grant.UserId, organizationId, AuditActions.OrganizationLogoChanged, "Organization", organizationId.ToString());
        db.Raise(new CatalogChanged(EventId: null)); // the logo shows on its events' cards
        await db.SaveChangesAsync(ct);
        if (previous is not null)
        {
            await storage.DeleteAsync(previous, ct);
        }

        return CommandResult<string>.Success(path);
    }

    private static List<ValidationFailure> Validate(OrganizationProfileDetails d)
    {
        var errors = new List<ValidationFailure>();
        if ((d.Name?.Trim().Length ?? 0) is < Organization.NameMinLength or > Organization.NameMaxLength)
        {
            errors.Add(new(nameof(d.Name), UserMessages.OrganizationNameLength));
        }

        if (!Common.Slug.IsValid(d.Slug?.Trim()))
        {
            errors.Add(new(nameof(d.Slug), UserMessages.SlugFormat));
        }

        if (!string.IsNullOrWhiteSpace(d.ContactEmail) && !MailAddress.TryCreate(d.ContactEmail.Trim(), out _))
        {
            errors.Add(new(nameof(d.ContactEmail), UserMessages.ContactEmailInvalid));
        }

        if (!Money.IsValidCurrency(d.DefaultCurrency?.Trim().ToUpperInvariant()))
        {
            errors.Add(new(nameof(d.DefaultCurrency), UserMessages.CurrencyInvalid));
        }

        if (!EventTime.IsKnownZone(d.DefaultTimeZone?.Trim()))
        {
            errors.Add(new(nameof(d.DefaultTimeZone), UserMessages.TimeZoneUnknown));
        }

        if (d.BrandColour is null || !HexColour().IsMatch(d.BrandColour.Trim()))
        {
            errors.Add(new(nameof(d.BrandColour), UserMessages.BrandColourInvalid));
        }

        if ((d.About?.Length ?? 0) > AboutMaxLength)
        {
            errors.Add(new(nameof(d.About), UserMessages.AboutTooLong));
        }

        return errors;
    }
}
