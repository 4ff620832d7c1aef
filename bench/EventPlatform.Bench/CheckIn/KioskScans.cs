using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EventPlatform.Core.Accounts;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Bench;

internal sealed record KioskRun(double Seconds, IReadOnlyList<double> ScanMs, IReadOnlyDictionary<CheckInOutcome, int> Outcomes,
    long CheckInsInDatabase)
{
    public double ScansPerSecond => ScanMs.Count / Seconds;
}

/// <summary>
/// The kiosk scenario: the doors open — 20 kiosks (real kiosk tokens, each opened as a station from
/// its token) take the next attendee from one shared queue and check 2,000 paid tickets in through
/// the Core use case, with its audit entry and live notification. Every ticket must be admitted
/// once.
/// </summary>
internal static class KioskScans
{
    public const int Kiosks = 20;
    public const int Tickets = 2_000;

    /// <summary>The paced variant: every kiosk scans at most every 250 ms (80 scans/s in all, a busier door than any real one).</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);

    public static async Task<string> RunAsync(BenchHost host, BenchOptions options)
    {
        var report = new StringBuilder()
            .AppendLine("## 5. Kiosk check-in").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"{Kiosks} kiosks opened from their tokens take attendees from one shared queue and check {Tickets:N0} paid tickets in to one " +
                $"session through the check-in use case (kiosk re-checked, ticket looked up, insert-once, audit entry, live notification). Back to " +
                $"back: each kiosk scans again the moment its last scan answered (the machine saturated). Paced: each kiosk scans at most every " +
                $"{Pace.TotalMilliseconds:0} ms.").AppendLine()
            .AppendLine("| kiosks | pace | scans/s | scan p50 / p95 / p99 ms | outcomes (last run) | check-ins in the database |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var pace in new[] { TimeSpan.Zero, Pace })
        {
            var runs = new List<KioskRun>();
            for (var r = 0; r < options.Runs; r++)
            {
                runs.Add(await RunOnceAsync(host, $"kiosk-{pace.TotalMilliseconds:0}-{r}", pace));
                Console.Error.WriteLine($"kiosk: pace {pace.TotalMilliseconds} ms, run {r + 1}: {runs[^1].ScansPerSecond:0} scans/s, p95 " +
                    $"{Stats.Percentile(runs[^1].ScanMs, 95):0} ms");
            }

            string Latency(double p) => Stats.MedianSpread(runs.Select(x => Stats.Percentile(x.ScanMs, p)), "0");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {Kiosks} | {(pace == TimeSpan.Zero ? "back to back" : $"{pace.TotalMilliseconds:0} ms")} | " +
                    $"{Stats.MedianSpread(runs.Select(x => x.ScansPerSecond), "0")} | {Latency(50)} / {Latency(95)} / {Latency(99)} | " +
                    $"{string.Join(", ", runs[^1].Outcomes.Select(o => $"{o.Value} {o.Key}"))} | " +
                    $"{string.Join(", ", runs.Select(x => x.CheckInsInDatabase))} of {Tickets:N0} |");
        }

        return report.ToString();
    }

    private static async Task<KioskRun> RunOnceAsync(BenchHost host, string slug, TimeSpan pace)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, slug);
        var session = sale.SessionIds[0];
        var codes = await SeedTicketsAsync(host, sale);
        var stations = await OpenKiosksAsync(host, sale, session);
        var queue = new ConcurrentQueue<string>(codes.OrderBy(_ => Random.Shared.Next()));
        var scanMs = new ConcurrentBag<double>();
        var outcomes = new ConcurrentDictionary<CheckInOutcome, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(stations.Select(station => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var code))
            {
                await using var scope = host.Services.CreateAsyncScope();
                var started = Stopwatch.GetTimestamp();
                var result = await scope.ServiceProvider.GetRequiredService<CheckInTicket>().ExecuteAsync(station, code, session);
                var elapsed = Stopwatch.GetElapsedTime(started);
                scanMs.Add(elapsed.TotalMilliseconds);
                outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                if (pace > elapsed)
                {
                    await Task.Delay(pace - elapsed);
                }
            }
        })));
        clock.Stop();
        await using var db = await host.Db.CreateAsync();
        var checkedIn = await db.CheckIns.LongCountAsync(c => c.EventId == sale.EventId && c.UndoneAt == null);
        return new KioskRun(clock.Elapsed.TotalSeconds, [.. scanMs], outcomes, checkedIn);
    }

    /// <summary>500 paid orders of 4 tickets for the first night, enlarged to hold them (as purchases would have left it), returning the ticket
    /// codes.</summary>
    private static async Task<IReadOnlyList<string>> SeedTicketsAsync(BenchHost host, OnSaleEvent sale)
    {
        var night1 = sale.Types.Single(t => t.Sessions.Length == 1 && t.Sessions[0] == sale.SessionIds[0]).Id;
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand($"""
            CREATE TEMP TABLE kiosk_orders AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, {Tickets / 4}) AS n;
            INSERT INTO orders (id, number, access_key, event_id, organization_id, is_member_pricing, status, currency, subtotal_minor,
                discount_minor, fee_minor, fee_passed_to_buyer, total_minor, paid_minor, refunded_minor, details_completed, hold_expires_at,
                created_at, paid_at, refunded_late_payment, paid_offline, buyer_email)
            SELECT id, 'K' || substring(md5(id::text) FROM 1 FOR 12), md5(id::text) || md5(n::text), @event,
                (SELECT organization_id FROM events WHERE id = @event),
                false, 'Paid', 'EUR', 19600, 0, 0, true, 19600, 19600, 0, true, now(), now(), now(), false, false, 'door' || n || '@bench.test'
            FROM kiosk_orders;
            INSERT INTO tickets (id, order_id, event_id, ticket_type_id, ticket_type_name, code, status, answers, unit_price_minor, discount_minor,
                fee_minor, position, attendee_name)
            SELECT gen_random_uuid(), o.id, @event, @type, 'Night 1', md5(o.id::text || p) || md5(p || o.id::text), 'Valid', jsonb_build_object(),
                4900, 0, 0, p, 'Guest ' || o.n || '-' || p
            FROM kiosk_orders o CROSS JOIN generate_series(1, 4) AS p;
            UPDATE ticket_types SET taken = taken + {Tickets} WHERE id = @type;
            UPDATE sessions SET capacity = {Tickets}, taken = {Tickets} WHERE id = @session;
            DROP TABLE kiosk_orders;
            """, connection);
        seed.Parameters.AddWithValue("event", sale.EventId);
        seed.Parameters.AddWithValue("type", night1);
        seed.Parameters.AddWithValue("session", sale.SessionIds[0]);
        await seed.ExecuteNonQueryAsync();
        await using var db = await host.Db.CreateAsync();
        return await db.Tickets.Where(t => t.EventId == sale.EventId).Select(t => t.Code).ToListAsync();
    }

    /// <summary>Kiosks as a manager would create them (a hashed one-time token each), opened on the tablets from their tokens.</summary>
    private static async Task<IReadOnlyList<CheckInStation>> OpenKiosksAsync(BenchHost host, OnSaleEvent sale, Guid session)
    {
        var tokens = new List<string>();
        await using (var db = await host.Db.CreateAsync())
        {
            var organizationId = await db.Events.Where(e => e.Id == sale.EventId).Select(e => e.OrganizationId).SingleAsync();
            var manager = new ApplicationUser
            {
                Id = Guid.CreateVersion7(), UserName = $"manager-{sale.EventId:N}@bench.test",
                    NormalizedUserName = $"MANAGER-{sale.EventId:N}@BENCH.TEST",
                Email = $"manager-{sale.EventId:N}@bench.test", NormalizedEmail = $"MANAGER-{sale.EventId:N}@BENCH.TEST",
                    SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Users.Add(manager);
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= Kiosks; i++)
            {
                var token = SecureToken.Create();
                tokens.Add(token);
                db.Kiosks.Add(new Kiosk
                {
                    Id = Guid.CreateVersion7(), EventId = sale.EventId, OrganizationId = organizationId, StationName = $"Door {i}",
                        TokenHash = SecureToken.Hash(token),
                    SessionId = i % 2 == 0 ? session : null, CreatedAt = now, ExpiresAt = now.AddHours(4), CreatedByUserId = manager.Id,
                });
            }

            await db.SaveChangesAsync();
        }

        var stations = new List<CheckInStation>();
        foreach (var token in tokens)
        {
            await using var scope = host.Services.CreateAsyncScope();
            stations.Add(await scope.ServiceProvider.GetRequiredService<CheckInStations>().ForKioskAsync(token, "bench-tablet-" + stations.Count)
                ?? throw new InvalidOperationException("A fresh kiosk token did not open its station."));
        }

        return stations;
    }
}
