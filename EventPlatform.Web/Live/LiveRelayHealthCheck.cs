using EventPlatform.Data.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventPlatform.Web.Live;

/// <summary>
/// The LISTEN relay part of <c>/health/ready</c>: while it is not listening (the database restarted
/// and it is reconnecting), this instance's pages miss other instances' availability changes.
/// </summary>
internal sealed class LiveRelayHealthCheck(PostgresAvailabilityRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(relay.ListenerProcessId is { } pid
            ? HealthCheckResult.Healthy($"Listening on {PostgresAvailabilityRelay.Channel} (backend {pid}); {relay.Listens} connections so far")
            : HealthCheckResult.Unhealthy("Not listening: reconnecting to the database"));
}
