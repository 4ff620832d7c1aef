using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneGuardCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_types_counters_within_cap",
                table: "ticket_types");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_counters_within_capacity",
                table: "sessions");

            // One guard counter per row (docs/decisions/0005-one-guard-counter.md): taken = sold + held.
            migrationBuilder.Sql("UPDATE ticket_types SET sold = sold + held; UPDATE sessions SET sold = sold + held;");

            migrationBuilder.DropColumn(
                name: "held",
                table: "ticket_types");

            migrationBuilder.DropColumn(
                name: "held",
                table: "sessions");

            migrationBuilder.RenameColumn(
                name: "sold",
                table: "ticket_types",
                newName: "taken");

            migrationBuilder.RenameColumn(
                name: "sold",
                table: "sessions",
                newName: "taken");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_types_counters_within_cap",
                table: "ticket_types",
                sql: "taken >= 0 AND (quantity_cap IS NULL OR taken <= quantity_cap)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_counters_within_capacity",
                table: "sessions",
                sql: "taken >= 0 AND taken <= capacity");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_types_counters_within_cap",
                table: "ticket_types");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_counters_within_capacity",
                table: "sessions");

            migrationBuilder.RenameColumn(
                name: "taken",
                table: "ticket_types",
                newName: "sold");

            migrationBuilder.RenameColumn(
                name: "taken",
                table: "sessions",
                newName: "sold");

            migrationBuilder.AddColumn<int>(
                name: "held",
                table: "ticket_types",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "held",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Split taken (now in sold) back into paid tickets and the rest, held.
            migrationBuilder.Sql("""
                UPDATE ticket_types t SET held = t.sold - v.n, sold = v.n
                FROM (SELECT tt.id, (SELECT count(*) FROM tickets k WHERE k.ticket_type_id = tt.id AND k.status = 'Valid')::int AS n
                      FROM ticket_types tt) v
                WHERE v.id = t.id;
                UPDATE sessions s SET held = s.sold - v.n, sold = v.n
                FROM (SELECT ss.id, (SELECT count(*) FROM tickets k JOIN ticket_type_sessions l ON l.ticket_type_id = k.ticket_type_id
                                     WHERE l.session_id = ss.id AND k.status = 'Valid')::int AS n
                      FROM sessions ss) v
                WHERE v.id = s.id;
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_types_counters_within_cap",
                table: "ticket_types",
                sql: "sold >= 0 AND held >= 0 AND (quantity_cap IS NULL OR sold + held <= quantity_cap)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_counters_within_capacity",
                table: "sessions",
                sql: "sold >= 0 AND held >= 0 AND sold + held <= capacity");
        }
    }
}
