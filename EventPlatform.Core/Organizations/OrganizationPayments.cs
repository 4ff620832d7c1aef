using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>How an organization is paid: its Stripe Connect account and any fee agreed with the platform.</summary>
/// <param name="FeePercentOverride">Null = the platform's setting.</param>
public sealed record PaymentSettings(string? StripeAccountId, decimal? FeePercentOverride, long? FeeFixedMinorOverride, bool CanChangeFee);

/// <summary>
/// The connected account is the organization's own business (Admin and up); the fee is agreed with
/// the platform, so only platform administrators change it.
/// </summary>
public sealed class OrganizationPayments(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit)
{
    public async Task<PaymentSettings> GetAsync(Guid organizationId, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var o = await db.Organizations.AsNoTracking().SingleAsync(x => x.Id == organizationId, ct);
        return new PaymentSettings(o.StripeAccountId, o.PlatformFeePercentOverride, o.PlatformFeeFixedMinorOverride, grant.IsPlatformAdmin);
    }

    public async Task<CommandResult<bool>> SaveAsync(Guid organizationId, PaymentSettings settings, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var organization = await db.Organizations.SingleAsync(x => x.Id == organizationId, ct);
        var errors = new List<ValidationFailure>();
        var account = string.IsNullOrWhiteSpace(settings.StripeAccountId) ? null : settings.StripeAccountId.Trim();
        if (account is not null
            && (!account.StartsWith("acct_", StringComparison.Ordinal) || account.Length > 100
                || !account.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            errors.Add(new(nameof(settings.StripeAccountId), UserMessages.StripeAccountIdFormat));
        }

        var feeChanged = settings.FeePercentOverride != organization.PlatformFeePercentOverride
            || settings.FeeFixedMinorOverride != organization.PlatformFeeFixedMinorOverride;
        if (feeChanged && !grant.IsPlatformAdmin)
        {
            errors.Add(new(nameof(settings.FeePercentOverride), UserMessages.FeeAdminOnly));
        }

        if (settings.FeePercentOverride is < 0 or > 100)
        {
            errors.Add(new(nameof(settings.FeePercentOverride), UserMessages.FeePercentRange));
        }

        if (settings.FeeFixedMinorOverride is < 0)
        {
            errors.Add(new(nameof(settings.FeeFixedMinorOverride), UserMessages.FeeFixedRange));
        }

        if (errors.Count > 0)
        {
            return CommandResult<bool>.Failure(errors);
        }

        organization.StripeAccountId = account;
        organization.PlatformFeePercentOverride = settings.FeePercentOverride;
        organization.PlatformFeeFixedMinorOverride = settings.FeeFixedMinorOverride;
        audit.Add(db, grant.UserId, organizationId, AuditActions.OrganizationPaymentsChanged, "Organization", organizationId.ToString(),
            new OrganizationPaymentsChangedDetails(account, settings.FeePercentOverride, settings.FeeFixedMinorOverride));
        // The fee override is part of the event definitions a hold prices with (CatalogCache).
        db.Raise(new CatalogChanged(EventId: null));
        await db.SaveChangesAsync(ct);
        return CommandResult<bool>.Success(true);
    }
}
