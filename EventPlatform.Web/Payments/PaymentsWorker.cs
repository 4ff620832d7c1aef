using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Payments;

namespace EventPlatform.Web.Payments;

/// <summary>
/// Every few seconds: release expired holds (so their places are sellable again), retry refunds
/// not yet sent, and refund paid orders of cancelled events that the cancellation missed.
/// </summary>
internal sealed class PaymentsWorker(IServiceScopeFactory scopes, Hosting.WorkerHealth health, ILogger<PaymentsWorker> logger) : BackgroundService
{
    public const string Name = "holds-and-refunds";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.Expect(Name, Interval);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var releaser = scope.ServiceProvider.GetRequiredService<ReleaseExpiredHolds>();
                    // Drain in batches: a burst of abandoned checkouts is released within one tick.
                    while (await releaser.ExecuteAsync(ct: stoppingToken) > 0)
                    {
                    }

                    await scope.ServiceProvider.GetRequiredService<RefundPayments>().RetryPendingAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Core.Ordering.Cancellation.RefundCancelledEvent>().RetryAsync(stoppingToken);
                    health.Succeeded(Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    health.Failed(Name, ex);
                    logger.LogError(ex, "Hold expiry / refund retry pass failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
