using EventPlatform.Core.Catalog.Management;

namespace EventPlatform.Web.Catalog;

/// <summary>Every 30 seconds: publish scheduled events whose time has come, complete ended ones.</summary>
internal sealed class EventLifecycleWorker(IServiceScopeFactory scopes, ILogger<EventLifecycleWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AdvanceEventLifecycle>().ExecuteAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Event life-cycle pass failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
