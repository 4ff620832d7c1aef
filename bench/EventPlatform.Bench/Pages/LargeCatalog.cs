using System.Diagnostics;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>The catalog after one growth step, and how long the step took.</summary>
internal sealed record CatalogSize(int Events, int Organizations, long Tickets, TimeSpan GrownIn);

/// <summary>
/// The page scenario's data set, grown in steps in one database: events numbered 1…N, one
/// organization per 100 of them, 1–3 sessions and 1–2 ticket types each, over the next year, most
/// published (completed when all their sessions are past), some drafts and cancelled ones; every
/// published or completed event has 100 paid tickets in 25 orders, with the counters matching them.
/// Growing from N to M adds events N+1…M and theirs, so the events measured at 1,000 are still
/// there, unchanged, at 100,000.
/// </summary>
/// <remarks>
/// Generated inside PostgreSQL with generate_series (seeding through the use cases would take far
/// longer than the measurement; the pages read the same rows either way). Ids are version 7 UUIDs,
/// as the app's <c>Guid.CreateVersion7()</c> makes them. Three shortcuts keep 9,000,000 tickets
/// within minutes, each leaving the same rows as the slow way: triggers and foreign-key checks are
/// off while the rows are written (the rows are made from the rows they point to, and the one
/// app trigger that matters, the sessions' names on their event, is checked afterwards); the
/// secondary indexes of orders and tickets are dropped and built again after the insert; the WAL
/// may grow large enough for the step to need no checkpoint.
/// </remarks>
internal static class LargeCatalogSeed
{
    /// <summary>An event with three sessions, published, 142 days ahead: present at every size.</summary>
    public const string EventSlug = "big-event-413";
    public const string EventTitle = "Community evening 413";

    /// <summary>Every 10th event is about jazz: search finds a tenth of the catalog at every size.</summary>
    public const string SearchWord = "jazz";

    public const int EventsPerOrganization = 100;
    public const int OrdersPerEvent = 25;
    public const int TicketsPerOrder = 4;

    public static async Task<CatalogSize> GrowAsync(BenchHost host, int fromEvents, int toEvents)
    {
        var clock = Stopwatch.StartNew();
        var phases = new List<string>();
        void Done(string phase) => phases.Add($"{phase} {clock.Elapsed.TotalSeconds:0} s");
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "ALTER SYSTEM SET max_wal_size = '32GB'; SELECT pg_reload_conf();");
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await ExecuteAsync(connection, Setup);
                await ExecuteAsync(connection, Catalog, fromEvents, toEvents);
                Done("catalog");
                var indexes = await DropSecondaryIndexesAsync(connection, "orders", "tickets");
                await ExecuteAsync(connection, Sales);
                Done("orders and tickets");
                foreach (var definition in indexes)
                {
                    await ExecuteAsync(connection, definition);
                }

                Done("their indexes");
                await CheckSessionNamesAsync(connection);
                await transaction.CommitAsync();
            }

            await ExecuteAsync(connection,
                "VACUUM (ANALYZE) organizations, events, sessions, ticket_types, ticket_type_sessions, orders, tickets");
            Done("vacuum and analyze");
            // Dirty pages written now, not by a checkpoint in the middle of the measurement.
            await ExecuteAsync(connection, "CHECKPOINT");
            Done("checkpoint");
        }
        finally
        {
            await ExecuteAsync(connection, "ALTER SYSTEM RESET max_wal_size; SELECT pg_reload_conf();");
        }

        Console.Error.WriteLine($"pages: {fromEvents:N0} → {toEvents:N0} events, done after: {string.Join(", ", phases)}");
        var sold = await CountSoldAsync(connection);
        var organizations = (toEvents + EventsPerOrganization - 1) / EventsPerOrganization;
        return new CatalogSize(toEvents, organizations, sold * OrdersPerEvent * TicketsPerOrder, clock.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int? fromEvents = null, int? toEvents = null)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        if (fromEvents is { } from && toEvents is { } to)
        {
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops the indexes of the tables that back no constraint (the primary keys stay: foreign keys
    /// need them) and returns their definitions: building an index once over 10,000,000 rows is
    /// several times faster than 9,000,000 random inserts into it.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(NpgsqlConnection connection, params string[] tables)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var query = new NpgsqlCommand("""
            SELECT format('%I.%I', i.schemaname, i.indexname), i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            """, connection))
        {
            query.Parameters.AddWithValue("tables", tables);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}");
        }

        return indexes.Select(i => i.Definition).ToList();
    }

    /// <summary>
    /// The sessions' trigger was off: every new event's <c>session_names</c> must be what
    /// <c>ep_event_session_names</c> (migration SearchCategoryAndSessionNames) would have written,
    /// or search would find other events than in production.
    /// </summary>
    private static async Task CheckSessionNamesAsync(NpgsqlConnection connection)
    {
        await using var check = new NpgsqlCommand("""
            SELECT count(*) FROM bench_batch b JOIN events e ON e.id = b.id
            WHERE e.session_names IS DISTINCT FROM
                (SELECT string_agg(s.name, ' ' ORDER BY s.starts_at, s.code) FROM sessions s WHERE s.event_id = e.id)
            """, connection);
        if ((long)(await check.ExecuteScalarAsync())! != 0)
        {
            throw new InvalidOperationException("The seeded events' session_names differ from what the sessions' trigger writes.");
        }
    }

    /// <summary>The events that sold tickets: published and completed ones.</summary>
    private static async Task<long> CountSoldAsync(NpgsqlConnection connection)
    {
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM events WHERE slug LIKE 'big-event-%' AND status IN ('Published', 'Completed')", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>For this transaction: no triggers or foreign-key checks, and ids as the app makes them.</summary>
    private const string Setup = """
        SET LOCAL session_replication_role = replica;
        SET LOCAL maintenance_work_mem = '1GB';
        SET LOCAL synchronous_commit = off;
        -- Version 7 (time-ordered) UUIDs: a v4 with the first 48 bits replaced by the Unix time in ms, version bits 0111.
        CREATE OR REPLACE FUNCTION pg_temp.uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
            SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
                'hex')::uuid
        $$;
        """;

    /// <summary>Organizations, events, sessions and ticket types of events @from+1 … @to.</summary>
    private static readonly string Catalog = $"""
        INSERT INTO organizations (id, name, slug, default_currency, default_time_zone, created_at, brand_colour)
        SELECT pg_temp.uuid7(), 'Big organization ' || k, 'big-org-' || k, 'EUR', 'Europe/Berlin', now(), '#4338CA'
        FROM generate_series((@from + {EventsPerOrganization - 1}) / {EventsPerOrganization} + 1,
            (@to + {EventsPerOrganization - 1}) / {EventsPerOrganization}) AS k;

        -- Every 10th event is about jazz; every 50th is a draft and every 97th cancelled (neither listed). Sessions over the
        -- next year, a few already past: those events are completed, as the life-cycle worker would have left them.
        CREATE TEMP TABLE bench_batch ON COMMIT DROP AS
        SELECT n, id, organization_id, sessions, starts,
            CASE WHEN n % 50 = 0 THEN 'Draft' WHEN n % 97 = 0 THEN 'Cancelled'
                WHEN starts + (sessions - 1) * interval '1 day' + interval '3 hours' <= now() THEN 'Completed' ELSE 'Published' END AS status
        FROM (
            SELECT n, pg_temp.uuid7() AS id, o.id AS organization_id, 1 + n % 3 AS sessions,
                now() + ((n * 7919) % 365 - 5) * interval '1 day' AS starts
            FROM generate_series(@from + 1, @to) AS n
            JOIN organizations o ON o.slug = 'big-org-' || ((n - 1) / {EventsPerOrganization} + 1)) AS e;

        -- session_names as the sessions' trigger leaves it (checked after the sessions are in).
        INSERT INTO events (id, organization_id, title, slug, short_description, description, category, tags, is_online, venue_name,
            venue_address, time_zone, pass_fee_to_buyer, visibility, status, published_at, created_at, updated_at, next_session_number,
            session_names)
        SELECT b.id, b.organization_id,
            CASE WHEN n % 10 = 0 THEN 'Jazz night ' ELSE 'Community evening ' END || n,
            'big-event-' || n,
            'An evening of ' || CASE WHEN n % 10 = 0 THEN 'jazz standards' ELSE 'talks and music' END || ' in the old town.',
            repeat('A longer description with **Markdown**, a list of speakers and the programme of the evening. ', 8),
            (ARRAY['Class','Workshop','Social','Conference','Concert','Sports','Other'])[1 + n % 7],
            ARRAY['bench', 'tag' || (n % 20)], false, 'Hall ' || (n % 40), 'Main street ' || n || ', Berlin',
            'Europe/Berlin', true, 'Public', b.status,
            now() - interval '30 days', now() - interval '30 days', now() - interval '30 days', 4,
            (SELECT string_agg('Part ' || s, ' ' ORDER BY s) FROM generate_series(1, b.sessions) AS s)
        FROM bench_batch b;

        -- 1 to 3 sessions a day apart; a published or completed event's 100 tickets are passes, which include every session.
        INSERT INTO sessions (id, event_id, code, name, starts_at, ends_at, capacity, seating_mode, taken)
        SELECT pg_temp.uuid7(), b.id, 'S' || s, 'Part ' || s, b.starts + (s - 1) * interval '1 day',
            b.starts + (s - 1) * interval '1 day' + interval '3 hours', 500, 'GeneralAdmission',
            CASE WHEN b.status IN ('Published', 'Completed') THEN {OrdersPerEvent * TicketsPerOrder} ELSE 0 END
        FROM bench_batch b CROSS JOIN LATERAL generate_series(1, b.sessions) AS s;

        -- Ticket types: a pass over every session, and single-session tickets for multi-session events.
        INSERT INTO ticket_types (id, event_id, name, description, price_minor, currency, min_per_order, max_per_order, sales_end_at,
            visibility, sort_order, is_active, taken)
        SELECT pg_temp.uuid7(), b.id, t.name, 'Entry', t.price, 'EUR', 1, 10, now() + interval '400 days', 'Public', t.sort, true,
            CASE WHEN t.name = 'Pass' AND b.status IN ('Published', 'Completed') THEN {OrdersPerEvent * TicketsPerOrder} ELSE 0 END
        FROM bench_batch b
        CROSS JOIN LATERAL (VALUES ('Pass', 4900, 0), ('Single', 1900, 1)) AS t(name, price, sort)
        WHERE t.name = 'Pass' OR b.sessions > 1;

        INSERT INTO ticket_type_sessions (ticket_type_id, session_id)
        SELECT t.id, s.id FROM bench_batch b JOIN ticket_types t ON t.event_id = b.id JOIN sessions s ON s.event_id = b.id
        WHERE t.name = 'Pass' OR s.code = 'S1';
        """;

    /// <summary>Paid orders of 4 passes, 25 for each published or completed event of the batch.</summary>
    private static readonly string Sales = $"""
        CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
        SELECT pg_temp.uuid7() AS id, b.n * {OrdersPerEvent} + j AS number, b.id AS event_id, b.organization_id, t.id AS type_id
        FROM bench_batch b
        JOIN ticket_types t ON t.event_id = b.id AND t.name = 'Pass'
        CROSS JOIN generate_series(0, {OrdersPerEvent - 1}) AS j
        WHERE b.status IN ('Published', 'Completed');

        INSERT INTO orders (id, number, access_key, event_id, organization_id, is_member_pricing, status, currency, subtotal_minor,
            discount_minor, fee_minor, fee_passed_to_buyer, total_minor, paid_minor, refunded_minor, details_completed, hold_expires_at,
            created_at, paid_at, refunded_late_payment, paid_offline, buyer_email, normalized_buyer_email, buyer_name)
        SELECT id, 'B' || lpad(number::text, 9, '0'), md5(id::text) || md5(number::text), event_id, organization_id, false, 'Paid', 'EUR',
            19600, 0, 1568, true, 21168, 21168, 0, true, now() - interval '10 days', now() - interval '10 days', now() - interval '10 days',
            false, false, 'buyer' || number || '@bench.test', 'BUYER' || number || '@BENCH.TEST', 'Buyer ' || number
        FROM bench_orders;

        INSERT INTO tickets (id, order_id, event_id, ticket_type_id, ticket_type_name, code, status, answers, unit_price_minor,
            discount_minor, fee_minor, position, attendee_name, attendee_email)
        SELECT pg_temp.uuid7(), o.id, o.event_id, o.type_id, 'Pass', md5(o.id::text || p) || md5(p || o.id::text), 'Valid',
            jsonb_build_object(), 4900, 0, 392, p,
            'Attendee ' || o.number || '-' || p, 'attendee' || o.number || '-' || p || '@bench.test'
        FROM bench_orders o CROSS JOIN generate_series(1, {TicketsPerOrder}) AS p;
        """;
}
