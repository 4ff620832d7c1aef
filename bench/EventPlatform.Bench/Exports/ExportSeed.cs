using EventPlatform.Core.Accounts;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>
/// An event with <c>tickets</c> paid attendees written in one SQL statement (orders of 4, two questions answered, half of the first
/// night checked in), and an Analyst of its organization to export them.
/// </summary>
internal static class ExportSeed
{
    public static async Task<(Guid EventId, Guid AnalystId)> SeedAsync(BenchHost host, int tickets)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, $"exports-{tickets}");
        var questions = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var analyst = Guid.CreateVersion7();
        await using (var db = await host.Db.CreateAsync())
        {
            var organizationId = await db.Events.Where(e => e.Id == sale.EventId).Select(e => e.OrganizationId).SingleAsync();
            db.Users.Add(new ApplicationUser
            {
                Id = analyst, UserName = $"analyst-{tickets}@bench.test", NormalizedUserName = $"ANALYST-{tickets}@BENCH.TEST",
                Email = $"analyst-{tickets}@bench.test", NormalizedEmail = $"ANALYST-{tickets}@BENCH.TEST", SecurityStamp = Guid.NewGuid().ToString(),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            db.OrganizationMembers.Add(new OrganizationMember
            {
                OrganizationId = organizationId, UserId = analyst, Role = OrgRole.Analyst, JoinedAt = DateTimeOffset.UtcNow,
            });
            db.EventQuestions.Add(new EventQuestion { Id = questions[0], EventId = sale.EventId, Label = "Dietary requirements", SortOrder = 1 });
            db.EventQuestions.Add(new EventQuestion { Id = questions[1], EventId = sale.EventId, Label = "Company", SortOrder = 2 });
            await db.SaveChangesAsync();
        }

        var weekend = sale.Types[1].Id;
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand($"""
            CREATE TEMP TABLE export_orders AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, {tickets / 4}) AS n;
            INSERT INTO orders (id, number, access_key, event_id, organization_id, is_member_pricing, status, currency, subtotal_minor,
                discount_minor, fee_minor, fee_passed_to_buyer, total_minor, paid_minor, refunded_minor, details_completed, hold_expires_at,
                created_at, paid_at, refunded_late_payment, paid_offline, buyer_email, buyer_name)
            SELECT id, 'X' || substring(md5(id::text) FROM 1 FOR 12), md5(id::text) || md5(n::text), @event,
                (SELECT organization_id FROM events WHERE id = @event), false, 'Paid', 'EUR', 19600, 0, 784, true, 20384, 20384, 0, true,
                now(), now() - n * interval '1 minute', now() - n * interval '1 minute', false, false, 'buyer' || n || '@bench.test', 'Buyer ' || n
            FROM export_orders;
            INSERT INTO tickets (id, order_id, event_id, ticket_type_id, ticket_type_name, code, status, answers, unit_price_minor, discount_minor,
                fee_minor, position, attendee_name, attendee_email)
            SELECT gen_random_uuid(), o.id, @event, @type, 'Weekend', md5(o.id::text || p) || md5(p || o.id::text), 'Valid',
                jsonb_build_object(@q1, 'Vegetarian, no nuts', @q2, 'Company ' || o.n), 4900, 0, 196, p, 'Guest ' || o.n || '-' || p,
                'guest' || o.n || '-' || p || '@bench.test'
            FROM export_orders o CROSS JOIN generate_series(1, 4) AS p;
            INSERT INTO check_ins (id, event_id, ticket_id, session_id, checked_in_at, station_name)
            SELECT gen_random_uuid(), @event, t.id, @session, now(), 'Door 1' FROM tickets t WHERE t.event_id = @event AND t.position <= 2;
            DROP TABLE export_orders;
            ANALYZE orders; ANALYZE tickets; ANALYZE check_ins;
            """, connection);
        seed.Parameters.AddWithValue("event", sale.EventId);
        seed.Parameters.AddWithValue("type", weekend);
        seed.Parameters.AddWithValue("session", sale.SessionIds[1]);
        seed.Parameters.AddWithValue("q1", questions[0].ToString());
        seed.Parameters.AddWithValue("q2", questions[1].ToString());
        await seed.ExecuteNonQueryAsync();
        return (sale.EventId, analyst);
    }
}
