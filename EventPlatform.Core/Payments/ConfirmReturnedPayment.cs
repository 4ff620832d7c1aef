using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Payments;

/// <summary>
/// The synchronous confirmation: when the buyer comes back from paying, ask the gateway for the
/// intent's state and apply it through the same use case as the webhook — whichever arrives first
/// confirms, the other changes nothing.
/// </summary>
public sealed class ConfirmReturnedPayment(IAppDbContextFactory dbFactory, IPaymentGateway gateway, ApplyPaymentEvent apply)
{
    public async Task<OrderStatus> ExecuteAsync(string accessKey, CancellationToken ct = default)
    {
        Order order;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            order = await OrderViews.FindOrderByKeyAsync(db, accessKey, ct) ?? throw new NotFoundException();
        }

        if (order.Status == OrderStatus.Paid)
        {
            return OrderStatus.Paid; // The webhook was first: the usual case.
        }

        if (order.PaymentIntentId is { } intentId && order.PaymentProvider == gateway.Name)
        {
            var state = await gateway.FetchIntentAsync(intentId, ct);
            var kind = state.Outcome switch
            {
                PaymentIntentOutcome.Succeeded => PaymentNotificationKind.Succeeded,
                PaymentIntentOutcome.Failed => PaymentNotificationKind.Failed,
                _ => (PaymentNotificationKind?)null,
            };
            if (kind is { } k)
            {
                await apply.ExecuteAsync(new PaymentNotification(null, "return_page", k, intentId, order.Id, state.AmountMinor, state.FailureMessage),
                    ct);
            }
        }

        await using var read = await dbFactory.CreateAsync(ct);
        return await read.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync(ct);
    }
}
