using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddHoldLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_address",
                table: "orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_device",
                table: "orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.InsertData(
                table: "platform_settings",
                columns: new[] { "key", "value" },
                values: new object[,]
                {
                    { "max_held_tickets_per_address_per_event", "30" },
                    { "max_open_holds_per_device", "3" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_client_address_event_id",
                table: "orders",
                columns: new[] { "client_address", "event_id" },
                filter: "status = 'Pending' AND client_address IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_orders_client_device",
                table: "orders",
                column: "client_device",
                filter: "status = 'Pending' AND client_device IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_client_address_event_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_client_device",
                table: "orders");

            migrationBuilder.DeleteData(
                table: "platform_settings",
                keyColumn: "key",
                keyValue: "max_held_tickets_per_address_per_event");

            migrationBuilder.DeleteData(
                table: "platform_settings",
                keyColumn: "key",
                keyValue: "max_open_holds_per_device");

            migrationBuilder.DropColumn(
                name: "client_address",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "client_device",
                table: "orders");
        }
    }
}
