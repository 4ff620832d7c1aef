using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Tickets;

/// <summary>
/// Emails an order's tickets again (the confirmation with its QR codes): by the buyer through the
/// order's key, rate-limited per order, or by the organizer. Only a paid order has tickets to send.
/// </summary>
public sealed class ResendTickets(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, OrderConfirmation confirmation, AuditTrail audit,
    AttemptCounters counters, TimeProvider clock)
{
    /// <summary>How often a buyer may have the tickets emailed again per order (the button must not become a way to flood an inbox).</summary>
    public const int PerHour = 5;

    /// <summary>Emails the tickets again; false (nothing sent) past <see cref="PerHour"/> for this order.</summary>
    public async Task<bool> ByBuyerAsync(string accessKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var orderId = await OrderViews.FindByKeyAsync(db, accessKey, ct) ?? throw new NotFoundException();
        var counts = await counters.AddAsync(["resend-order:" + orderId.ToString("N")], TimeSpan.FromHours(1), ct);
        if (counts[0] > PerHour)
        {
            return false;
        }

        await ResendAsync(db, orderId, null, "buyer", ct);
        return true;
    }

    public async Task ByOrganizerAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Manager, ct);
        await ResendAsync(db, orderId, grant.UserId, null, ct);
    }

    private async Task ResendAsync(IAppDbContext db, Guid orderId, Guid? actorUserId, string? actorLabel, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.Paid)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await confirmation.QueueConfirmationEmailAsync(db, order, now, ct);
        audit.Add(db, actorUserId, order.OrganizationId, AuditActions.OrderConfirmationResent, "Order", order.Id.ToString(),
            new OrderNumberDetails(order.Number), actorLabel);
        await db.SaveChangesAsync(ct);
    }
}
