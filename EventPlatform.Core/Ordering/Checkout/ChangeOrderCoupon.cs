using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Ordering.Coupons;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Checkout;

/// <summary>Applies or removes a discount code on a pending order and prices it again.</summary>
public sealed class ChangeOrderCoupon(IAppDbContextFactory dbFactory, ISettingsService settings, AuditTrail audit, CodeGuessLimit guesses,
    TimeProvider clock, IDatabaseErrors databaseErrors)
{
    public async Task<CommandResult<bool>> ApplyAsync(string accessKey, string? code, CancellationToken ct = default) =>
        await ChangeAsync(accessKey, code, ct);

    public async Task<CommandResult<bool>> RemoveAsync(string accessKey, CancellationToken ct = default) =>
        await ChangeAsync(accessKey, null, ct);

    private async Task<CommandResult<bool>> ChangeAsync(string accessKey, string? code, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var orderId = await OrderViews.FindByKeyAsync(db, accessKey, ct) ?? throw new NotFoundException();
        var snapshot = await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleAsync(o => o.Id == orderId, ct);
        var now = clock.GetUtcNow();
        Coupon? coupon = null;
        if (code is not null)
        {
            if (await guesses.IsBlockedAsync(orderId, ct))
            {
                return CommandResult<bool>.Failure(new ValidationFailure(PlaceHold.CouponField, UserMessages.CouponTooManyGuesses));
            }

            coupon = await CouponRules.FindAsync(db, snapshot.OrganizationId, code, ct);
            if (coupon is not { IsActive: true } && await guesses.RecordWrongAsync(orderId, ct))
            {
                return CommandResult<bool>.Failure(new ValidationFailure(PlaceHold.CouponField, UserMessages.CouponTooManyGuesses));
            }

            var problem = string.IsNullOrWhiteSpace(code)
                ? UserMessages.CouponUnknown
                : CouponRules.Problem(coupon, snapshot.EventId, snapshot.Currency, snapshot.Tickets.Select(t => (t.TicketTypeId, t.UnitPriceMinor))
                    .ToList(), now);
            if (problem is not null)
            {
                return CommandResult<bool>.Failure(new ValidationFailure(PlaceHold.CouponField, problem));
            }
        }

        var fee = await FeeRules.ForAsync(db, settings, snapshot.OrganizationId, snapshot.FeePassedToBuyer, ct);
        try
        {
            await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
            var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
            if (order.Status != OrderStatus.Pending || now >= order.HoldExpiresAt)
            {
                return CommandResult<bool>.Failure(new ValidationFailure("Order",
                    order.Status == OrderStatus.Pending ? UserMessages.HoldExpired : UserMessages.OrderNotPending));
            }

            if (order.CouponId == coupon?.Id)
            {
                return CommandResult<bool>.Success(true);
            }

            // A code that unlocked hidden tickets in this order stays: otherwise its use could be given back and reused.
            var typeIds = order.Tickets.Select(t => t.TicketTypeId).Distinct().ToList();
            if (order.CouponId is not null
                && await db.TicketTypes.AnyAsync(t => typeIds.Contains(t.Id) && t.Visibility == Catalog.TicketVisibility.Hidden, ct))
            {
                return CommandResult<bool>.Failure(new ValidationFailure(PlaceHold.CouponField, UserMessages.CouponUnlockedTickets));
            }

            // Both coupon rows in id order, as every transaction touches rows in a sorted order.
            var previous = order.CouponId;
            string? redeemProblem = null;
            foreach (var id in new[] { previous, coupon?.Id }.OfType<Guid>().Order())
            {
                if (id == previous)
                {
                    await CouponRules.ReleaseAsync(db, id, ct);
                }
                else
                {
                    redeemProblem ??= await CouponRules.TryRedeemAsync(db, coupon!, order.Id, order.BuyerEmail, ct);
                }
            }

            if (redeemProblem is not null)
            {
                await transaction.RollbackAsync(ct);
                return CommandResult<bool>.Failure(new ValidationFailure(PlaceHold.CouponField, redeemProblem));
            }

            Reprice(order, coupon, fee);
            audit.Add(db, order.BuyerUserId, order.OrganizationId, coupon is null ? AuditActions.OrderCouponRemoved : AuditActions.OrderCouponApplied,
                "Order", order.Id.ToString(),
                new OrderCouponChangedDetails(order.Number, coupon?.Code, order.DiscountMinor, order.TotalMinor));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return CommandResult<bool>.Success(true);
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex))
        {
            return CommandResult<bool>.Failure(new ValidationFailure(PlaceHold.CouponField, UserMessages.Busy));
        }
    }

    private static void Reprice(Order order, Coupon? coupon, FeeRule fee)
    {
        var tickets = order.Tickets.OrderBy(t => t.Position).ToList();
        var price = OrderPricing.Compute(tickets.Select(t => new PricedTicketInput(t.TicketTypeId, t.UnitPriceMinor)).ToList(), coupon, fee);
        for (var i = 0; i < tickets.Count; i++)
        {
            tickets[i].DiscountMinor = price.TicketDiscounts[i];
            tickets[i].FeeMinor = price.TicketFees[i];
        }

        order.SubtotalMinor = price.SubtotalMinor;
        order.DiscountMinor = price.DiscountMinor;
        order.FeeMinor = price.FeeMinor;
        order.TotalMinor = price.TotalMinor;
        order.CouponId = coupon?.Id;
        order.CouponCode = coupon?.Code;
    }
}
