using EventPlatform.Core.Catalog.Management;

namespace EventPlatform.Web.Catalog;

/// <summary>Every 30 seconds: publish scheduled events whose time has come, complete ended ones.</summary>
internal sealed class EventLifecycleWorker(IServiceScopeFactory scopes, Hosting.WorkerHealth health,
    ILogger<EventLifecycleWorker> logger) : BackgroundService
{
    public const string Name = "event-lifecycle";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.Expect(Name, Interval);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AdvanceEventLifecycle>().ExecuteAsync(stoppingToken);
                    health.Succeeded(Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    health.Failed(Name, ex);
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
