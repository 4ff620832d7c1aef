using EventPlatform.Core.Notifications;

namespace EventPlatform.Web.Notifications;

/// <summary>
/// Runs the outbox: every few seconds (or at once when nudged after an enqueue) it asks
/// <see cref="DeliverOutboxEmails"/> to send what is due. The work itself is the Core use case.
/// </summary>
internal sealed class EmailOutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, Hosting.WorkerHealth health,
    ILogger<EmailOutboxWorker> logger) : BackgroundService
{
    public const string Name = "email-outbox";

    /// <summary>How long the worker sleeps when nothing nudges it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.Expect(Name, PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int attempted;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    attempted = await scope.ServiceProvider.GetRequiredService<DeliverOutboxEmails>().ExecuteAsync(stoppingToken);
                }
                while (attempted == DeliverOutboxEmails.BatchSize && !stoppingToken.IsCancellationRequested);
                health.Succeeded(Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                health.Failed(Name, ex);
                // The database may be briefly unavailable; the next pass tries again.
                logger.LogError(ex, "Email outbox pass failed");
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }
}

/// <summary>Lets code that just enqueued an email wake the worker instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : EventPlatform.Core.Notifications.IOutboxWakeUp, IDisposable
{
    private readonly SemaphoreSlim _nudges = new(0, 1);

    public void Nudge()
    {
        try
        {
            _nudges.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged; one wake-up is enough.
        }
    }

    public void Dispose() => _nudges.Dispose();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _nudges.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
