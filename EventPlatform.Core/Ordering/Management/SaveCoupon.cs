using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>Creates or changes a coupon of an organization (Manager and up), every field checked.</summary>
public sealed class SaveCoupon(
    IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit, TimeProvider clock, IDatabaseErrors databaseErrors)
{
    /// <summary>Creates (couponId null) or changes a coupon. Uses already made are kept.</summary>
    public async Task<CommandResult<Coupon>> ExecuteAsync(Guid organizationId, Guid? couponId, CouponDetails details, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var errors = await ValidateAsync(db, organizationId, couponId, details, ct);
        Coupon? coupon = null;
        if (couponId is { } id)
        {
            coupon = await db.Coupons.SingleOrDefaultAsync(c => c.Id == id && c.OrganizationId == organizationId, ct)
                ?? throw new NotFoundException();
            if (details.RedemptionLimit is { } limit && limit < coupon.Redeemed)
            {
                errors.Add(new(nameof(details.RedemptionLimit),
                    string.Format(CultureInfo.InvariantCulture, UserMessages.CouponAlreadyUsedTimes, coupon.Redeemed)));
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult<Coupon>.Failure(errors);
        }

        if (coupon is null)
        {
            coupon = new Coupon { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Code = "", CreatedAt = clock.GetUtcNow() };
            db.Coupons.Add(coupon);
        }

        coupon.Code = Coupon.Normalize(details.Code!);
        coupon.Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        coupon.Kind = details.Kind;
        coupon.PercentOff = details.Kind == CouponKind.Percent ? details.PercentOff : 0;
        coupon.AmountOffMinor = details.Kind == CouponKind.FixedAmount ? details.AmountOffMinor : 0;
        coupon.Currency = details.Kind == CouponKind.FixedAmount ? details.Currency : null;
        coupon.EventIds = details.EventIds.Distinct().ToList();
        coupon.TicketTypeIds = details.TicketTypeIds.Distinct().ToList();
        coupon.RedemptionLimit = details.RedemptionLimit;
        coupon.PerBuyerLimit = details.PerBuyerLimit;
        coupon.ValidFrom = details.ValidFrom?.ToUniversalTime();
        coupon.ValidUntil = details.ValidUntil?.ToUniversalTime();
        coupon.MinimumOrderMinor = details.MinimumOrderMinor;
        coupon.UnlocksHiddenTypes = details.UnlocksHiddenTypes;
        coupon.IsActive = details.IsActive;
        audit.Add(db, grant.UserId, organizationId, couponId is null ? AuditActions.CouponCreated : AuditActions.CouponChanged, "Coupon",
            coupon.Id.ToString(), details);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (databaseErrors.IsUniqueViolation(ex))
        {
            return CommandResult<Coupon>.Failure(new ValidationFailure(nameof(details.Code), UserMessages.CouponCodeTaken));
        }

        return CommandResult<Coupon>.Success(coupon);
    }

    private static async Task<List<ValidationFailure>> ValidateAsync(IAppDbContext db, Guid organizationId, Guid? couponId, CouponDetails d,
        CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        var code = d.Code?.Trim() ?? "";
        if (code.Length is < 3 or > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add(new(nameof(d.Code), UserMessages.CouponCodeFormat));
        }
        else
        {
            var normalized = Coupon.Normalize(code);
            if (await db.Coupons.AnyAsync(c => c.OrganizationId == organizationId && c.Code == normalized && c.Id != couponId, ct))
            {
                errors.Add(new(nameof(d.Code), UserMessages.CouponCodeTaken));
            }
        }

        if (d.Kind == CouponKind.Percent && (d.PercentOff <= 0 || d.PercentOff > 100))
        {
            errors.Add(new(nameof(d.PercentOff), UserMessages.CouponPercentRange));
        }

        if (d.Kind == CouponKind.FixedAmount)
        {
            if (d.AmountOffMinor <= 0)
            {
                errors.Add(new(nameof(d.AmountOffMinor), UserMessages.CouponAmountPositive));
            }

            if (!Money.IsValidCurrency(d.Currency))
            {
                errors.Add(new(nameof(d.Currency), UserMessages.CouponCurrencyRequired));
            }
        }

        if (d.RedemptionLimit is < 1)
        {
            errors.Add(new(nameof(d.RedemptionLimit), UserMessages.LimitAtLeastOne));
        }

        if (d.PerBuyerLimit is < 1)
        {
            errors.Add(new(nameof(d.PerBuyerLimit), UserMessages.LimitAtLeastOne));
        }

        if (d.ValidFrom is { } from && d.ValidUntil is { } until && until <= from)
        {
            errors.Add(new(nameof(d.ValidUntil), UserMessages.SessionEndAfterStart));
        }

        if (d.MinimumOrderMinor is < 0)
        {
            errors.Add(new(nameof(d.MinimumOrderMinor), UserMessages.ZeroOrMore));
        }

        var eventIds = d.EventIds.Distinct().ToList();
        if (eventIds.Count > 0
            && await db.Events.CountAsync(e => eventIds.Contains(e.Id) && e.OrganizationId == organizationId, ct) != eventIds.Count)
        {
            errors.Add(new(nameof(d.EventIds), UserMessages.CouponEventsOfOrganization));
        }

        var typeIds = d.TicketTypeIds.Distinct().ToList();
        if (typeIds.Count > 0
            && await db.TicketTypes.CountAsync(t => typeIds.Contains(t.Id)
                && db.Events.Any(e => e.Id == t.EventId && e.OrganizationId == organizationId && (eventIds.Count == 0 || eventIds.Contains(e.Id))),
                ct) != typeIds.Count)
        {
            errors.Add(new(nameof(d.TicketTypeIds), UserMessages.CouponTypesOfEvents));
        }

        return errors;
    }
}
