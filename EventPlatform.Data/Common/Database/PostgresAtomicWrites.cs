using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Common.Database;

/// <summary><see cref="IAtomicWrites"/> as PostgreSQL <c>INSERT … ON CONFLICT</c> statements.</summary>
internal sealed class PostgresAtomicWrites(EventPlatformDbContext db) : IAtomicWrites
{
    public async Task<bool> TryRecordPaymentEventAsync(ProcessedPaymentEvent e, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO processed_payment_events (id, type, payment_intent_id, processed_at)
            VALUES ({e.Id}, {e.Type}, {e.PaymentIntentId}, {e.ProcessedAt}) ON CONFLICT (id) DO NOTHING
            """, ct) == 1;

    public async Task<bool> TryRecordCheckInAsync(CheckInRecord r, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO check_ins (id, event_id, ticket_id, session_id, checked_in_at, station_name, kiosk_id, by_user_id)
            VALUES ({r.Id}, {r.EventId}, {r.TicketId}, {r.SessionId}, {r.CheckedInAt}, {r.StationName}, {r.KioskId}, {r.ByUserId})
            ON CONFLICT (ticket_id, session_id) WHERE undone_at IS NULL DO NOTHING
            """, ct) == 1;

    public async Task<IReadOnlyList<string>> TryRecordReminderDeliveriesAsync(IReadOnlyList<ReminderDelivery> deliveries, CancellationToken ct)
    {
        if (deliveries.Count == 0)
        {
            return [];
        }

        // One statement per batch, the rows as parallel arrays. RETURNING lists the rows inserted, not those the key skipped.
        var ids = deliveries.Select(d => d.Id).ToArray();
        var rules = deliveries.Select(d => d.RuleId).ToArray();
        var sessions = deliveries.Select(d => d.SessionId).ToArray();
        var emails = deliveries.Select(d => d.Email).ToArray();
        var outbox = deliveries.Select(d => d.OutboxEmailId).ToArray();
        var created = deliveries.Select(d => d.CreatedAt).ToArray();
        return await db.Database.SqlQuery<string>($"""
            INSERT INTO reminder_deliveries (id, rule_id, session_id, email, outbox_email_id, created_at)
            SELECT * FROM unnest({ids}::uuid[], {rules}::uuid[], {sessions}::uuid[], {emails}::text[], {outbox}::uuid[],
                                 {created}::timestamptz[])
            ON CONFLICT (rule_id, session_id, email) DO NOTHING
            RETURNING email AS "Value"
            """).ToListAsync(ct);
    }

    public async Task<int> CountAttemptAsync(string key, DateTimeOffset windowStart, CancellationToken ct) =>
        // (Materialised as a list: an INSERT … RETURNING cannot be composed into a LIMIT query.)
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO attempt_counters (key, window_start, count) VALUES ({key}, {windowStart}, 1)
            ON CONFLICT (key, window_start) DO UPDATE SET count = attempt_counters.count + 1
            RETURNING count AS "Value"
            """).ToListAsync(ct)).Single();

    public Task DeleteAttemptCountersAsync(DateTimeOffset before, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM attempt_counters WHERE window_start < {before}", ct);
}
