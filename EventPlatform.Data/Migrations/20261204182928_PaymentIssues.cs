using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentIssues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "refunds_fail_later",
                table: "simulated_payment_intents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "attention_reason",
                table: "orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "attention_since",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dispute_reason",
                table: "orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dispute_status",
                table: "orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "disputed_minor",
                table: "orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "retried_by_refund_id",
                table: "order_refunds",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_organization_id_attention_since",
                table: "orders",
                columns: new[] { "organization_id", "attention_since" },
                filter: "attention_since IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_organization_id_attention_since",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "refunds_fail_later",
                table: "simulated_payment_intents");

            migrationBuilder.DropColumn(
                name: "attention_reason",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "attention_since",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "dispute_reason",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "dispute_status",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "disputed_minor",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "retried_by_refund_id",
                table: "order_refunds");
        }
    }
}
