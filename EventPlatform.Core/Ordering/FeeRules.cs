using EventPlatform.Core.Common;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering;

public static class FeeRules
{
    /// <summary>The platform's fee (settings), or the one agreed with the organization.</summary>
    public static async Task<FeeRule> ForAsync(IAppDbContext db, ISettingsService settings, Guid organizationId, bool passedToBuyer,
        CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.PlatformFeePercentOverride, o.PlatformFeeFixedMinorOverride }).SingleAsync(ct);
        return new FeeRule(organization.PlatformFeePercentOverride ?? current.PlatformFeePercent,
            organization.PlatformFeeFixedMinorOverride ?? current.PlatformFeeFixedMinor, passedToBuyer);
    }
}
