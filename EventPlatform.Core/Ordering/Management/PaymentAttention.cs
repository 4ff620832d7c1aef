using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>An order whose money needs the organizer (see <see cref="PaymentIssues"/>).</summary>
public sealed record AttentionRow(Guid OrderId, Guid EventId, string EventTitle, string OrderNumber, string? BuyerEmail, string Reason,
    DateTimeOffset Since);

/// <summary>A refund of an order as the organizer sees it: amount, why, and whether the money went back.</summary>
public sealed record RefundRow(Guid Id, Money Amount, string Reason, RefundStatus Status, string? FailureMessage, DateTimeOffset CreatedAt,
    bool CanRetry);

/// <summary>
/// The organization's "needs attention" list and what an organizer does about an entry: send a
/// failed refund again, or mark the entry resolved (paid back another way, dispute answered).
/// Analysts see the list; Managers act. Both actions are audit-logged.
/// </summary>
public sealed class PaymentAttention(
    IAppDbContextFactory dbFactory,
    OrganizationAccess access,
    CatalogAccess catalogAccess,
    RefundPayments refunds,
    AuditTrail audit,
    TimeProvider clock,
    IDatabaseErrors databaseErrors)
{
    public const string Field = "Attention";

    public async Task<IReadOnlyList<AttentionRow>> ListAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Analyst, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Orders.AsNoTracking()
            .Where(o => o.OrganizationId == organizationId && o.AttentionSince != null)
            .OrderBy(o => o.AttentionSince)
            .Take(100)
            .Join(db.Events, o => o.EventId, e => e.Id, (o, e) =>
                new AttentionRow(o.Id, o.EventId, e.Title, o.Number, o.BuyerEmail, o.AttentionReason ?? "", o.AttentionSince!.Value))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RefundRow>> RefundsAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.EventId, o.PaidMinor, o.RefundedMinor })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        await catalogAccess.RequireEventAsync(db, order.EventId, OrgRole.Analyst, ct);
        var rows = await db.OrderRefunds.AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var left = order.PaidMinor - order.RefundedMinor;
        return rows.Select(r => new RefundRow(r.Id, new Money(r.AmountMinor, r.Currency), r.Reason, r.Status, r.FailureMessage, r.CreatedAt,
            CanRetry: r.Status == RefundStatus.Failed && r.PaymentIntentId is not null && r.RetriedByRefundId is null
                && r.AmountMinor <= left)).ToList();
    }

    /// <summary>
    /// Sends a failed refund again as a new refund (a new idempotency key: the gateway refused the
    /// old one for good). Refused when what is left of the payment no longer covers it.
    /// </summary>
    public async Task<CommandResult<Money>> RetryRefundAsync(Guid orderId, Guid failedRefundId, CancellationToken ct = default)
    {
        Guid retryId;
        Money amount;
        try
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var grant = await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Manager, ct);
            await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
            var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
            var failed = await db.OrderRefunds.SingleOrDefaultAsync(r => r.Id == failedRefundId && r.OrderId == orderId, ct)
                ?? throw new NotFoundException();
            // Under the order's lock, so a double click cannot send it twice.
            if (failed.Status != RefundStatus.Failed || failed.PaymentIntentId is null || failed.RetriedByRefundId is not null)
            {
                return Fail(UserMessages.RefundNotRetryable);
            }

            if (failed.AmountMinor > order.PaidMinor - order.RefundedMinor)
            {
                return Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, UserMessages.RefundTooLarge,
                    new Money(order.PaidMinor - order.RefundedMinor, order.Currency).Format()));
            }

            var now = clock.GetUtcNow();
            var retry = RefundPayments.Record(db, order.Id, failed.PaymentIntentId, failed.AmountMinor, failed.Currency, failed.Reason, now);
            failed.RetriedByRefundId = retry.Id;
            order.RefundedMinor += failed.AmountMinor;
            PaymentIssues.ClearFlag(order);
            audit.Add(db, grant.UserId, order.OrganizationId, AuditActions.OrderRefundRetried, "Order", order.Id.ToString(),
                new OrderRefundRetriedDetails(order.Number, failed.Id, retry.Id, failed.AmountMinor, failed.Currency));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            retryId = retry.Id;
            amount = new Money(failed.AmountMinor, failed.Currency);
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex))
        {
            return Fail(UserMessages.Busy);
        }

        await refunds.SendAsync(retryId, ct);
        // Say what the gateway answered: a card that refused the refund may refuse it again.
        await using var after = await dbFactory.CreateAsync(ct);
        var sent = await after.OrderRefunds.AsNoTracking().SingleAsync(r => r.Id == retryId, ct);
        return sent.Status == RefundStatus.Failed
            ? Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, UserMessages.RefundRefusedAgain, sent.FailureMessage))
            : CommandResult<Money>.Success(amount);
    }

    /// <summary>The organizer has dealt with it (paid back by bank transfer, dispute answered): off the list.</summary>
    public async Task ResolveAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Manager, ct);
        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
        if (order.AttentionSince is null)
        {
            return;
        }

        audit.Add(db, grant.UserId, order.OrganizationId, AuditActions.OrderAttentionResolved, "Order", order.Id.ToString(),
            new OrderAttentionResolvedDetails(order.Number, order.AttentionReason));
        PaymentIssues.ClearFlag(order);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static CommandResult<Money> Fail(string message) => CommandResult<Money>.Failure(new ValidationFailure(Field, message));
}
