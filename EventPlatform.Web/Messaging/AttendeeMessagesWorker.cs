using EventPlatform.Core.Messaging;

namespace EventPlatform.Web.Messaging;

/// <summary>Every 30 seconds: send the organizers' scheduled messages whose time has come ("send now" goes at once without it).</summary>
internal sealed class AttendeeMessagesWorker(IServiceScopeFactory scopes, Hosting.WorkerHealth health,
    ILogger<AttendeeMessagesWorker> logger) : BackgroundService
{
    public const string Name = "attendee-messages";
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
                    await scope.ServiceProvider.GetRequiredService<SendDueMessages>().ExecuteAsync(stoppingToken);
                    health.Succeeded(Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    health.Failed(Name, ex);
                    logger.LogError(ex, "Sending scheduled messages failed");
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
