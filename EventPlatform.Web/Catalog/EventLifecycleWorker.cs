using EventPlatform.Core.Catalog.Management;
using EventPlatform.Web.Hosting;

namespace EventPlatform.Web.Catalog;

/// <summary>Every 30 seconds: publish scheduled events whose time has come, complete ended ones.</summary>
internal sealed class EventLifecycleWorker(IServiceScopeFactory scopes, WorkerHealth health, ILogger<EventLifecycleWorker> logger)
    : PeriodicWorker(scopes, health, logger)
{
    protected override string Name => "event-lifecycle";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<AdvanceEventLifecycle>().ExecuteAsync(ct);
}
