using EventPlatform.Core.Messaging;
using EventPlatform.Web.Hosting;

namespace EventPlatform.Web.Messaging;

/// <summary>Every 30 seconds: send the organizers' scheduled messages whose time has come ("send now" goes at once without it).</summary>
internal sealed class AttendeeMessagesWorker(IServiceScopeFactory scopes, WorkerHealth health, ILogger<AttendeeMessagesWorker> logger)
    : PeriodicWorker(scopes, health, logger)
{
    protected override string Name => "attendee-messages";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SendDueMessages>().ExecuteAsync(ct);
}
