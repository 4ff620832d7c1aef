using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using EventPlatform.Web.Hosting;

namespace EventPlatform.Web.Api;

/// <summary>
/// The fault-injection suite's buyers (docs/reliability.md), mapped only when <c>Faults:Enabled</c>
/// (never in Production). A purchase here makes the calls the checkout page makes from its circuit —
/// hold, details, payment intent, card — each in a scope of its own as separate circuit events
/// would, so a kill at any <see cref="FaultPoints"/> place leaves what a real crash would leave.
/// Driving pages through a browser instead would make each of the suite's hundreds of kills cost
/// seconds of page loads without reaching any other code.
/// </summary>
internal static class FaultDriverEndpoints
{
    public sealed record PurchaseResult(string? OrderKey, string Step, string? Status, string? Error);

    public static IEndpointRouteBuilder MapFaultDriverEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/_faults/purchase", async (Guid eventId, Guid ticketTypeId, int quantity, string buyer, string? card,
            bool? closeTabAfterPaying, IServiceScopeFactory scopes, Core.Common.Database.IDatabaseErrors databaseErrors, CancellationToken ct) =>
        {
            var identity = new ClientIdentity("fault-" + buyer, "fault-device-" + buyer);
            string? key = null;
            try
            {
                var hold = await InScopeAsync(scopes, identity,
                    sp => sp.GetRequiredService<PlaceHold>()
                        .ExecuteAsync(new HoldRequest(eventId, new Dictionary<Guid, int> { [ticketTypeId] = quantity }), ct));
                if (!hold.Succeeded)
                {
                    return Results.Ok(new PurchaseResult(null, "hold", null, hold.Errors[0].Message));
                }

                key = hold.Value!.AccessKey;
                var view = await InScopeAsync(scopes, identity, sp => sp.GetRequiredService<GetOrder>().ByKeyAsync(key, ct));
                var details = new CheckoutDetails($"{buyer}@faults.test", "Fault Buyer",
                    view.Tickets.Select(t => new AttendeeDetails(t.Id, $"Attendee {t.Position}", null, new Dictionary<string, string?>())).ToList());
                var started = await InScopeAsync(scopes, identity, sp => sp.GetRequiredService<ContinueToPayment>().ExecuteAsync(key, details, ct));
                if (!started.Succeeded)
                {
                    return Results.Ok(new PurchaseResult(key, "details-and-payment", null, started.Errors[0].Message));
                }

                if (closeTabAfterPaying == true)
                {
                    // The card is accepted, and the buyer never sees the return page: only the webhook or reconciliation can confirm.
                    var intent = await InScopeAsync(scopes, identity,
                        sp => sp.GetRequiredService<SimulatedPaymentGateway>()
                            .CompleteAsync(started.Value!.IntentId!, SimulatedCards.Outcome(card ?? SimulatedCards.Success), ct));
                    return Results.Ok(new PurchaseResult(key, "card-only", intent.Outcome.ToString(), null));
                }

                var paid = await InScopeAsync(scopes, identity,
                    sp => sp.GetRequiredService<SimulatedCheckout>()
                        .PayAsync(key, new SimulatedCard(card ?? SimulatedCards.Success, "12/35", "123"), ct));
                return Results.Ok(new PurchaseResult(key, "pay", paid.Value.ToString(), paid.Succeeded ? null : paid.Errors[0].Message));
            }
            catch (Exception ex) when (databaseErrors.IsBusy(ex))
            {
                // What a buyer's page shows as "busy, try again" (the database restarting, a lock timeout);
                // anything else escapes as the 500 the suite counts as a failure.
                return Results.Ok(new PurchaseResult(key, "busy", null, UserMessages.Busy));
            }
        }).DisableAntiforgery();

        endpoints.MapPost("/_faults/arm", (string point, int onHit, ArmableFaultInjector injector) =>
        {
            injector.Arm(point, onHit);
            return Results.Ok(new { armed = point, onHit });
        }).DisableAntiforgery();

        endpoints.MapPost("/_faults/cancel", async (string key, IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            var done = await InScopeAsync(scopes, ClientIdentity.Unknown, sp => sp.GetRequiredService<CancelTickets>().ByBuyerAsync(key, [], ct));
            return Results.Ok(new { cancelled = done.Succeeded, error = done.Succeeded ? null : done.Errors[0].Message });
        }).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<T> InScopeAsync<T>(IServiceScopeFactory scopes, ClientIdentity identity, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentClient>().Assume(identity);
        return await call(scope.ServiceProvider);
    }
}
