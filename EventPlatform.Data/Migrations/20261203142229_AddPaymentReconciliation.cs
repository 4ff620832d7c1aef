using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddPaymentReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "leased_until",
                table: "outbox_emails");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_checked_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_closed_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_started_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            // Orders paid for before reconciliation existed are reconciled too.
            migrationBuilder.Sql("UPDATE orders SET payment_started_at = created_at WHERE payment_intent_id IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "simulated_refunds",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payment_intent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_simulated_refunds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "simulated_webhook_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_simulated_webhook_events", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "platform_settings",
                columns: new[] { "key", "value" },
                values: new object[] { "reconcile_payments_after_minutes", "2" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_unsettled_payments",
                table: "orders",
                column: "payment_checked_at",
                filter: "status IN ('Pending', 'Expired') AND payment_intent_id IS NOT NULL AND payment_closed_at IS NULL AND NOT refunded_late_payment");

            migrationBuilder.CreateIndex(
                name: "ix_simulated_refunds_idempotency_key",
                table: "simulated_refunds",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_simulated_refunds_payment_intent_id",
                table: "simulated_refunds",
                column: "payment_intent_id");

            migrationBuilder.CreateIndex(
                name: "ix_simulated_webhook_events_next_attempt_at",
                table: "simulated_webhook_events",
                column: "next_attempt_at",
                filter: "delivered_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "simulated_refunds");

            migrationBuilder.DropTable(
                name: "simulated_webhook_events");

            migrationBuilder.DropIndex(
                name: "ix_orders_unsettled_payments",
                table: "orders");

            migrationBuilder.DeleteData(
                table: "platform_settings",
                keyColumn: "key",
                keyValue: "reconcile_payments_after_minutes");

            migrationBuilder.DropColumn(
                name: "payment_checked_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_closed_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_started_at",
                table: "orders");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "leased_until",
                table: "outbox_emails",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
