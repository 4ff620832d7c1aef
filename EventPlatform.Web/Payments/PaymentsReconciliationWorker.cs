using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments;

namespace EventPlatform.Web.Payments;

/// <summary>
/// At start-up and then every minute (<see cref="PaymentOptions.ReconciliationInterval"/>), asks the gateway about payments whose end we have not
/// heard (<see cref="ReconcilePayments"/>). Runs on every instance; the queue shares the work.
/// </summary>
internal sealed class PaymentsReconciliationWorker(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<PaymentOptions> options,
    Hosting.WorkerHealth health, ILogger<PaymentsReconciliationWorker> logger) : BackgroundService
{
    public const string Name = "payment-reconciliation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconciliationInterval;
        health.Expect(Name, interval);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReconcilePayments>().ExecuteAsync(interval * 0.8, stoppingToken);
                health.Succeeded(Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                health.Failed(Name, ex);
                logger.LogError(ex, "Payment reconciliation round failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
