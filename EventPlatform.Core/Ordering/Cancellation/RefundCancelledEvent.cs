using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Ordering.Cancellation;

/// <summary>When an event is cancelled, every paid order is cancelled and refunded in full, and every buyer is emailed.</summary>
public sealed class RefundCancelledEvent(IAppDbContextFactory dbFactory, CancelTickets cancel, ILogger<RefundCancelledEvent> logger)
{
    /// <summary>
    /// For the worker: paid orders of cancelled events that the cancellation's own run missed
    /// (it failed, was interrupted, or a payment was confirmed while it ran) are refunded now.
    /// </summary>
    public async Task<int> RetryAsync(CancellationToken ct = default)
    {
        List<Guid> eventIds;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            // From the cancelled events (by their status) to their paid orders (by event and status), not from every paid
            // order to its event: this runs every 5 seconds, and the bench measured 300 ms for 2,400,000 paid orders.
            eventIds = await db.Events.Where(e => e.Status == Catalog.EventStatus.Cancelled
                    && db.Orders.Any(o => o.EventId == e.Id && o.Status == OrderStatus.Paid))
                .Select(e => e.Id).Take(10).ToListAsync(ct);
        }

        var refunded = 0;
        foreach (var eventId in eventIds)
        {
            refunded += await ExecuteAsync(eventId, null, ct);
        }

        return refunded;
    }

    public async Task<int> ExecuteAsync(Guid eventId, Guid? actorUserId, CancellationToken ct = default)
    {
        List<Guid> orderIds;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            orderIds = await db.Orders.Where(o => o.EventId == eventId && o.Status == OrderStatus.Paid).OrderBy(o => o.CreatedAt).Select(o => o.Id)
                .ToListAsync(ct);
        }

        var refunded = 0;
        foreach (var orderId in orderIds)
        {
            var result = await cancel.BecauseEventCancelledAsync(orderId, actorUserId, ct);
            if (result.Succeeded)
            {
                refunded++;
            }
            else
            {
                logger.LogWarning("Order {OrderId} of cancelled event {EventId} was not refunded: {Problem}", orderId, eventId,
                    result.Errors[0].Message);
            }
        }

        logger.LogInformation("Event {EventId} cancelled: {Refunded} of {Orders} paid orders refunded", eventId, refunded, orderIds.Count);
        return refunded;
    }
}
