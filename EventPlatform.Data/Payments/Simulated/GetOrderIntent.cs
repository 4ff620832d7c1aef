using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>
/// The payment intent attached to an order (by its access key): how the demo card form knows
/// which intent it pays, as Stripe's form knows it from the client secret. The gateway's side, so
/// on the gateway's connections, and tagged so the bench counts its statement as the gateway's.
/// </summary>
public sealed class GetOrderIntent(SimulatedGatewayDatabase dbFactory)
{
    public async Task<string?> IntentIdAsync(string accessKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Orders.TagWith("simulated_gateway: the demo card form's intent")
            .Where(o => o.AccessKey == accessKey).Select(o => o.PaymentIntentId).SingleOrDefaultAsync(ct);
    }
}
