using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// The last run of each background worker, for <c>/health/ready</c> and <c>/metrics</c>: a worker
/// that has not completed a pass for three of its intervals (the database is gone, a pass hangs)
/// makes the instance unready, so an operator or a load balancer notices holds not being released
/// or emails not being sent.
/// </summary>
public sealed class WorkerHealth
{
    public const string MeterName = "EventPlatform.Workers";

    private readonly ConcurrentDictionary<string, WorkerState> _workers = new();
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _startedAt;

    public WorkerHealth(TimeProvider clock, IMeterFactory meterFactory)
    {
        _clock = clock;
        _startedAt = clock.GetUtcNow();
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("eventplatform.worker.lag",
            () => Snapshot().Select(w => new Measurement<double>(LagSeconds(w), new KeyValuePair<string, object?>("worker", w.Name))),
            "s", "Seconds since each background worker last completed a pass.");
        meter.CreateObservableCounter("eventplatform.worker.failures",
            () => Snapshot().Select(w => new Measurement<long>(w.Failures, new KeyValuePair<string, object?>("worker", w.Name))),
            "{pass}", "Failed passes of each background worker since start-up.");
    }

    public sealed record WorkerState(string Name, TimeSpan Interval, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastError,
        long Runs, long Failures);

    public void Expect(string name, TimeSpan interval) =>
        _workers.AddOrUpdate(name, _ => new WorkerState(name, interval, null, null, null, 0, 0), (_, s) => s with { Interval = interval });

    public void Succeeded(string name) =>
        _workers.AddOrUpdate(name, _ => new WorkerState(name, TimeSpan.FromMinutes(1), _clock.GetUtcNow(), null, null, 1, 0),
            (_, s) => s with { LastSuccessAt = _clock.GetUtcNow(), Runs = s.Runs + 1 });

    public void Failed(string name, Exception error) =>
        _workers.AddOrUpdate(name, _ => new WorkerState(name, TimeSpan.FromMinutes(1), null, _clock.GetUtcNow(), error.Message, 1, 1),
            (_, s) => s with
            {
                LastFailureAt = _clock.GetUtcNow(),
                LastError = $"{error.GetType().Name}: {error.Message}",
                Runs = s.Runs + 1,
                Failures = s.Failures + 1
            });

    public IReadOnlyList<WorkerState> Snapshot() => _workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal).ToList();

    /// <summary>Seconds since the last successful pass (or since start-up when there was none).</summary>
    public double LagSeconds(WorkerState worker) => (_clock.GetUtcNow() - (worker.LastSuccessAt ?? _startedAt)).TotalSeconds;

    public bool IsLate(WorkerState worker) => LagSeconds(worker) > (worker.Interval * 3 + TimeSpan.FromSeconds(30)).TotalSeconds;
}

/// <summary>The workers part of <c>/health/ready</c>.</summary>
internal sealed class WorkersHealthCheck(WorkerHealth workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = workers.Snapshot();
        var data = snapshot.ToDictionary(
            w => w.Name,
            w => (object)new { lastSuccessAt = w.LastSuccessAt, lagSeconds = Math.Round(workers.LagSeconds(w), 1), runs = w.Runs,
                failures = w.Failures, lastError = w.LastError });
        var late = snapshot.Where(workers.IsLate).Select(w => w.Name).ToList();
        return Task.FromResult(late.Count == 0
            ? HealthCheckResult.Healthy($"{snapshot.Count} workers on time", data)
            : HealthCheckResult.Unhealthy("Late: " + string.Join(", ", late), data: data));
    }
}
