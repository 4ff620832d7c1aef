using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;

namespace EventPlatform.Core.Ordering.Checkout;

/// <summary>
/// Reads an order through its access key: the checkout, confirmation and order pages. The key is
/// the capability (like a ticket code), so guests need no account.
/// </summary>
public sealed class GetOrder(IAppDbContextFactory dbFactory, EventDefinitions definitions, TimeProvider clock)
{
    public async Task<OrderView> ByKeyAsync(string accessKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await OrderViews.LoadByKeyAsync(db, definitions, accessKey, clock.GetUtcNow(), ct) ?? throw new NotFoundException();
    }
}
