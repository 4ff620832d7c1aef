using EventPlatform.Data.Payments.Simulated;

namespace EventPlatform.Web.Payments;

/// <summary>Every two seconds: re-sends the simulated gateway's webhooks that are due (<see cref="SimulatedWebhookDelivery"/>).</summary>
internal sealed class SimulatedWebhookWorker(SimulatedWebhookDelivery delivery, Hosting.WorkerHealth health,
    ILogger<SimulatedWebhookWorker> logger) : BackgroundService
{
    public const string Name = "simulated-webhooks";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

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
                    while (await delivery.DeliverDueAsync(stoppingToken) == SimulatedWebhookDelivery.BatchSize)
                    {
                    }

                    health.Succeeded(Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    health.Failed(Name, ex);
                    logger.LogError(ex, "Simulated webhook pass failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
