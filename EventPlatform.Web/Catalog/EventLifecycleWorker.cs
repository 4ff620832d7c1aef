using EventPlatform.Core.Catalog.Management;

namespace EventPlatform.Web.Catalog;

/// <summary>Every 30 seconds: publish scheduled events whose time has come, complete ended ones.</summary>
internal sealed class EventLifecycleWorker(IServiceScopeFactory scopes, ILogger<EventLifecycleWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AdvanceEventLifecycle>().ExecuteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Event life-cycle pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
