using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Web.Hosting;

namespace EventPlatform.Web.Messaging;

/// <summary>
/// Every minute: queue the reminders that are due (<see cref="SendDueReminders"/>). Every instance runs it;
/// the deliveries' unique key keeps two instances from sending a reminder twice.
/// </summary>
internal sealed class RemindersWorker(IServiceScopeFactory scopes, WorkerHealth health, ILogger<RemindersWorker> logger)
    : PeriodicWorker(scopes, health, logger)
{
    protected override string Name => "reminders";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SendDueReminders>().ExecuteAsync(ct);
}
