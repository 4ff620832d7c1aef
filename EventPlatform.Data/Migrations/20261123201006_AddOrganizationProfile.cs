using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddOrganizationProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "about",
                table: "organizations",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "brand_colour",
                table: "organizations",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                // Existing organizations get the product's indigo, a valid colour.
                defaultValue: "#4338CA");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "about",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "brand_colour",
                table: "organizations");
        }
    }
}
