using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class BindKioskToDevice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bound_device",
                table: "kiosks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "bound_device",
                table: "kiosks");
        }
    }
}
