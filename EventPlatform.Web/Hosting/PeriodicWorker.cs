namespace EventPlatform.Web.Hosting;

/// <summary>
/// A hosted service that runs one pass of a Core use case at a fixed interval, each pass in its own
/// scope, and reports to <see cref="WorkerHealth"/>. A failed pass is logged and the next one runs on
/// time: the use cases are safe to repeat (and to run on every instance).
/// </summary>
internal abstract class PeriodicWorker(IServiceScopeFactory scopes, WorkerHealth health, ILogger logger) : BackgroundService
{
    /// <summary>The name <c>/health/ready</c> reports it under.</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass, with the services of a fresh scope.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

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
                    await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                    health.Succeeded(Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    health.Failed(Name, ex);
                    logger.LogError(ex, "Worker {Worker}: pass failed", Name);
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
