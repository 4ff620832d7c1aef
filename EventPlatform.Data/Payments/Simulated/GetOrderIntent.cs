using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>The payment intent attached to an order (by its access key).</summary>
public sealed class GetOrderIntent(IAppDbContextFactory dbFactory)
{
    public async Task<string?> IntentIdAsync(string accessKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Orders.Where(o => o.AccessKey == accessKey).Select(o => o.PaymentIntentId).SingleOrDefaultAsync(ct);
    }
}
