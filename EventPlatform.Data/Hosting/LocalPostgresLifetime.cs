using Microsoft.Extensions.Hosting;

namespace EventPlatform.Data.Hosting;

/// <summary>
/// Stops the embedded cluster when the application stops. Registered before every other hosted
/// service, so it stops after them (hosted services stop in reverse order).
/// </summary>
internal sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cluster.Stop();
        return Task.CompletedTask;
    }
}
