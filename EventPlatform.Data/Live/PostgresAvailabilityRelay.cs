using System.Collections.Concurrent;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EventPlatform.Data.Live;

/// <summary>
/// Carries "event X changed" and "the catalog changed" between app instances through PostgreSQL
/// <c>LISTEN/NOTIFY</c> (docs/architecture.md, "Live availability"). Publishing signals this
/// instance at once and sends a NOTIFY for the others; a dedicated connection listens and
/// reconnects by itself when it drops, then asks every watched page to refresh and drops the cached
/// listings, since changes may have been missed meanwhile.
/// </summary>
public sealed class PostgresAvailabilityRelay(DatabaseConnectionString connection, ILiveAvailabilitySignals signals, CatalogCache catalogCache,
    ILogger<PostgresAvailabilityRelay> logger)
    : BackgroundService, IAvailabilityNotifier
{
    public const string Channel = "ep_availability";

    /// <summary>
    /// The PostgreSQL application name of the NOTIFY connections (a small pool of their own, at most
    /// 8: one short statement each, coalesced per event): they show apart in <c>pg_stat_activity</c>,
    /// and the bench counts their checkouts apart from the use cases'.
    /// </summary>
    public const string NotifyApplicationName = "ep-live-relay";

    private readonly string _notifyConnection =
        new NpgsqlConnectionStringBuilder(connection.Value) { ApplicationName = NotifyApplicationName, MaxPoolSize = 8 }.ConnectionString;

    /// <summary>The payload's subject for a catalog change (otherwise it is an event id).</summary>
    private const string CatalogSubject = "catalog";

    /// <summary>
    /// Sent with every NOTIFY, so this instance skips its own: it signalled its hub already, and
    /// reading the echo again made two counter reads per change (measured in the fan-out bench).
    /// </summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a NOTIFY waits for more changes of its subject to join it. The other instances'
    /// hubs read at most once per 250 ms tick anyway; a hot on-sale sent two NOTIFYs per purchase,
    /// each a checkout of the pool and a commit of its own.
    /// </summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(20);

    /// <summary>Subjects with a NOTIFY scheduled and not yet begun: a change of one of them joins it.</summary>
    private readonly ConcurrentDictionary<string, byte> _scheduled = new();
    private int _listens;

    /// <summary>The server process of the listening connection (tests terminate it to prove reconnection).</summary>
    public int? ListenerProcessId { get; private set; }

    /// <summary>How many times LISTEN succeeded (1 after start, more after reconnects).</summary>
    public int Listens => Volatile.Read(ref _listens);

    public Task ChangedAsync(Guid eventId, CancellationToken ct = default)
    {
        signals.Signal(eventId);
        NotifyOthersSoon(eventId.ToString());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Schedules one NOTIFY of the subject unless one is scheduled already. The schedule is cleared
    /// just before the NOTIFY is sent, so a change committed later schedules another: the last change
    /// of a burst is never left unannounced. The buyer's request does not wait for it.
    /// </summary>
    private void NotifyOthersSoon(string subject)
    {
        if (_scheduled.TryAdd(subject, 0))
        {
            _ = SendScheduledAsync(subject);
        }
    }

    private async Task SendScheduledAsync(string subject)
    {
        await Task.Delay(CoalesceWindow);
        _scheduled.TryRemove(subject, out _);
        await NotifyOthersAsync(subject, CancellationToken.None);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        catalogCache.Invalidated += OnCatalogChangedHere;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        catalogCache.Invalidated -= OnCatalogChangedHere;
        return base.StopAsync(cancellationToken);
    }

    // The change has committed and this instance's cache is cleared already; the others hear it in the background.
    private void OnCatalogChangedHere() => NotifyOthersSoon(CatalogSubject);

    private async Task NotifyOthersAsync(string subject, CancellationToken ct)
    {
        try
        {
            await using var db = new NpgsqlConnection(_notifyConnection);
            await db.OpenAsync(ct);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", db);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", $"{_instance}:{subject}");
            await notify.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Never fail the change that caused it; other instances catch up on their next change
            // (or, for listings, when their cache entries expire).
            logger.LogWarning(ex, "Could not relay the change of {Subject} to other instances", subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = new NpgsqlConnection(DataServiceCollectionExtensions.Unpooled(connection.Value) + ";Keepalive=10");
                await db.OpenAsync(stoppingToken);
                db.Notification += (_, e) =>
                {
                    // "{sending instance}:{event id}" or "{sending instance}:catalog"
                    var parts = e.Payload.Split(':', 2);
                    if (parts.Length != 2 || parts[0] == _instance)
                    {
                        return;
                    }

                    if (Guid.TryParse(parts[1], out var eventId))
                    {
                        signals.Signal(eventId);
                    }
                    else if (parts[1] == CatalogSubject)
                    {
                        catalogCache.InvalidateFromElsewhere();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", db))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                ListenerProcessId = db.ProcessID;
                if (Interlocked.Increment(ref _listens) > 1)
                {
                    logger.LogInformation("Availability relay listening again");
                    signals.SignalAll();
                    catalogCache.InvalidateFromElsewhere();
                }

                backoff = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await db.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                ListenerProcessId = null;
                logger.LogWarning(ex, "Availability relay lost its connection; reconnecting in {Delay} ms", backoff.TotalMilliseconds);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}

/// <summary>The connection string the data layer settled on (configured, or the embedded cluster's).</summary>
public sealed record DatabaseConnectionString(string Value);
