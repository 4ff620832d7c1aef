using System.Diagnostics;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>What the page scenario requests: an event page, and a word that search finds.</summary>
internal sealed record LargeCatalog(string EventSlug, string SearchWord, int Events, long Tickets, TimeSpan SeededIn);

/// <summary>
/// The page scenario's data set: 10,000 events of 100 organizations (1–3 sessions and 1–2 ticket
/// types each, over the next year, most published, some drafts and cancelled ones) and 1,000,000
/// paid tickets in 250,000 orders, with the counters matching the tickets. Generated inside
/// PostgreSQL with generate_series: seeding through the use cases would take longer than the
/// measurement, and the pages read the same rows either way.
/// </summary>
internal static class LargeCatalogSeed
{
    public const int EventCount = 10_000;
    public const int OrderCount = 250_000;
    public const int TicketsPerOrder = 4;

    public static async Task<LargeCatalog> SeedAsync(BenchHost host)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        foreach (var step in Steps)
        {
            await using var command = new NpgsqlCommand(step, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }

        return new LargeCatalog("big-event-4321", "jazz", EventCount, (long)OrderCount * TicketsPerOrder, clock.Elapsed);
    }

    private static readonly string[] Steps =
    [
        """
        INSERT INTO organizations (id, name, slug, default_currency, default_time_zone, created_at, brand_colour)
        SELECT gen_random_uuid(), 'Big organization ' || n, 'big-org-' || n, 'EUR', 'Europe/Berlin', now(), '#4338CA'
        FROM generate_series(1, 100) AS n
        """,
        // Every 10th event is about jazz (search finds 1,000); every 50th is a draft and every 97th cancelled (not listed).
        $"""
        INSERT INTO events (id, organization_id, title, slug, short_description, description, category, tags, is_online, venue_name, venue_address,
            time_zone, pass_fee_to_buyer, visibility, status, published_at, created_at, updated_at, next_session_number)
        SELECT gen_random_uuid(), o.id,
            CASE WHEN n % 10 = 0 THEN 'Jazz night ' ELSE 'Community evening ' END || n,
            'big-event-' || n,
            'An evening of ' || CASE WHEN n % 10 = 0 THEN 'jazz standards' ELSE 'talks and music' END || ' in the old town.',
            repeat('A longer description with **Markdown**, a list of speakers and the programme of the evening. ', 8),
            (ARRAY['Class','Workshop','Social','Conference','Concert','Sports','Other'])[1 + n % 7],
            ARRAY['bench', 'tag' || (n % 20)], false, 'Hall ' || (n % 40), 'Main street ' || n || ', Berlin',
            'Europe/Berlin', true, 'Public',
            CASE WHEN n % 50 = 0 THEN 'Draft' WHEN n % 97 = 0 THEN 'Cancelled' ELSE 'Published' END,
            now() - interval '30 days', now() - interval '30 days', now() - interval '30 days', 4
        FROM generate_series(1, {EventCount}) AS n
        JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS k FROM organizations WHERE slug LIKE 'big-org-%') o ON o.k = n % 100
        """,
        // Sessions over the next year (a few already past); 1 to 3 per event.
        """
        INSERT INTO sessions (id, event_id, code, name, starts_at, ends_at, capacity, seating_mode, taken)
        SELECT gen_random_uuid(), e.id, 'S' || s, 'Part ' || s, e.starts + (s - 1) * interval '1 day',
            e.starts + (s - 1) * interval '1 day' + interval '3 hours', 500, 'GeneralAdmission', 0
        FROM (SELECT id, now() + ((substring(slug FROM 11)::int * 7919) % 365 - 5) * interval '1 day' AS starts,
            1 + substring(slug FROM 11)::int % 3 AS sessions
              FROM events WHERE slug LIKE 'big-event-%') e
        CROSS JOIN LATERAL generate_series(1, e.sessions) AS s
        """,
        // Ticket types: a pass over every session, and single-session tickets for multi-session events.
        """
        INSERT INTO ticket_types (id, event_id, name, description, price_minor, currency, min_per_order, max_per_order, sales_end_at, visibility,
            sort_order, is_active, taken)
        SELECT gen_random_uuid(), e.id, t.name, 'Entry', t.price, 'EUR', 1, 10, now() + interval '400 days', 'Public', t.sort, true, 0
        FROM events e
        CROSS JOIN LATERAL (VALUES ('Pass', 4900, 0), ('Single', 1900, 1)) AS t(name, price, sort)
        WHERE e.slug LIKE 'big-event-%' AND (t.name = 'Pass' OR (SELECT count(*) FROM sessions s WHERE s.event_id = e.id) > 1)
        """,
        """
        INSERT INTO ticket_type_sessions (ticket_type_id, session_id)
        SELECT t.id, s.id FROM ticket_types t JOIN sessions s ON s.event_id = t.event_id
        JOIN events e ON e.id = t.event_id
        WHERE e.slug LIKE 'big-event-%' AND (t.name = 'Pass' OR s.code = 'S1')
        """,
        // 250,000 paid orders of 4 tickets on the passes of the published events (about 100 tickets an event).
        $"""
        CREATE TEMP TABLE bench_passes AS
        SELECT row_number() OVER (ORDER BY t.id) - 1 AS k, t.id AS type_id, t.event_id, e.organization_id
        FROM ticket_types t JOIN events e ON e.id = t.event_id
        WHERE e.slug LIKE 'big-event-%' AND t.name = 'Pass' AND e.status = 'Published';
        CREATE TEMP TABLE bench_orders AS
        SELECT n, gen_random_uuid() AS id, p.type_id, p.event_id, p.organization_id
        FROM generate_series(0, {OrderCount - 1}) AS n
        JOIN bench_passes p ON p.k = n % (SELECT count(*) FROM bench_passes);
        INSERT INTO orders (id, number, access_key, event_id, organization_id, is_member_pricing, status, currency, subtotal_minor, discount_minor,
            fee_minor, fee_passed_to_buyer, total_minor, paid_minor, refunded_minor, details_completed, hold_expires_at, created_at, paid_at,
            refunded_late_payment, paid_offline,
            buyer_email, normalized_buyer_email, buyer_name)
        SELECT id, 'B' || lpad(n::text, 9, '0'), md5(id::text) || md5(n::text), event_id, organization_id, false, 'Paid', 'EUR', 19600, 0, 1568,
            true, 21168, 21168, 0, true, now() - interval '10 days', now() - interval '10 days', now() - interval '10 days', false, false,
            'buyer' || n || '@bench.test', 'BUYER' || n || '@BENCH.TEST', 'Buyer ' || n
        FROM bench_orders;
        """,
        $"""
        INSERT INTO tickets (id, order_id, event_id, ticket_type_id, ticket_type_name, code, status, answers, unit_price_minor, discount_minor,
            fee_minor, position, attendee_name, attendee_email)
        SELECT gen_random_uuid(), o.id, o.event_id, o.type_id, 'Pass', md5(o.id::text || p) || md5(p || o.id::text), 'Valid', jsonb_build_object(),
            4900, 0, 392, p,
            'Attendee ' || o.n || '-' || p, 'attendee' || o.n || '-' || p || '@bench.test'
        FROM bench_orders o CROSS JOIN generate_series(1, {TicketsPerOrder}) AS p
        """,
        // The counters of what was sold, as the purchase transactions would have left them.
        """
        UPDATE ticket_types t SET taken = c.n FROM (SELECT ticket_type_id, count(*)::int AS n FROM tickets GROUP BY ticket_type_id) c
            WHERE c.ticket_type_id = t.id;
        UPDATE sessions s SET taken = c.n FROM (
            SELECT l.session_id, count(*)::int AS n FROM tickets k JOIN ticket_type_sessions l ON l.ticket_type_id = k.ticket_type_id
            GROUP BY l.session_id) c
        WHERE c.session_id = s.id;
        """,
        "VACUUM (ANALYZE) organizations, events, sessions, ticket_types, ticket_type_sessions, orders, tickets",
    ];
}
