using EventPlatform.Core.Messaging.Reminders;

namespace EventPlatform.Web.Messaging;

/// <summary>
/// Every minute: queue the reminders that are due (<see cref="SendDueReminders"/>). Every instance runs it;
/// the deliveries' unique key keeps two instances from sending a reminder twice.
/// </summary>
internal sealed class RemindersWorker(IServiceScopeFactory scopes, Hosting.WorkerHealth health, ILogger<RemindersWorker> logger)
    : BackgroundService
{
    public const string Name = "reminders";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

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
                    await scope.ServiceProvider.GetRequiredService<SendDueReminders>().ExecuteAsync(stoppingToken);
                    health.Succeeded(Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    health.Failed(Name, ex);
                    logger.LogError(ex, "Reminders pass failed");
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
