using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxEmailOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "order_id",
                table: "outbox_emails",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_emails_order_id",
                table: "outbox_emails",
                column: "order_id");

            migrationBuilder.AddForeignKey(
                name: "fk_outbox_emails_orders_order_id",
                table: "outbox_emails",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_outbox_emails_orders_order_id",
                table: "outbox_emails");

            migrationBuilder.DropIndex(
                name: "ix_outbox_emails_order_id",
                table: "outbox_emails");

            migrationBuilder.DropColumn(
                name: "order_id",
                table: "outbox_emails");
        }
    }
}
