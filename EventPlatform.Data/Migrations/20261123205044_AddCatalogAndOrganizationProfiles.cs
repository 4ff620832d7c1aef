using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCatalogAndOrganizationProfiles : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "logo_path",
                table: "organizations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_members",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_members", x => new { x.organization_id, x.normalized_email });
                    table.ForeignKey(
                        name: "fk_customer_members_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    short_description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_online = table.Column<bool>(type: "boolean", nullable: false),
                    venue_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    venue_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    venue_capacity = table.Column<int>(type: "integer", nullable: true),
                    online_join_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cover_image_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    policies = table.Column<string>(type: "text", nullable: true),
                    refundable_until_hours_before = table.Column<int>(type: "integer", nullable: true),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    publish_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_session_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_events_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    seating_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sold = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_capacity_positive", "capacity >= 1");
                    table.CheckConstraint("ck_sessions_counters_within_capacity", "sold >= 0 AND held >= 0 AND sold + held <= capacity");
                    table.CheckConstraint("ck_sessions_end_after_start", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_sessions_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_types",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    price_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    member_price_minor = table.Column<long>(type: "bigint", nullable: true),
                    early_bird_price_minor = table.Column<long>(type: "bigint", nullable: true),
                    early_bird_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    early_bird_quantity = table.Column<int>(type: "integer", nullable: true),
                    quantity_cap = table.Column<int>(type: "integer", nullable: true),
                    min_per_order = table.Column<int>(type: "integer", nullable: false),
                    max_per_order = table.Column<int>(type: "integer", nullable: false),
                    sales_start_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sales_end_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    sold = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_types", x => x.id);
                    table.CheckConstraint("ck_ticket_types_counters_within_cap", "sold >= 0 AND held >= 0 AND (quantity_cap IS NULL OR sold + held <= quantity_cap)");
                    table.CheckConstraint("ck_ticket_types_per_order", "min_per_order >= 1 AND max_per_order >= min_per_order");
                    table.CheckConstraint("ck_ticket_types_prices_not_negative", "price_minor >= 0 AND (member_price_minor IS NULL OR member_price_minor >= 0) AND (early_bird_price_minor IS NULL OR early_bird_price_minor >= 0)");
                    table.ForeignKey(
                        name: "fk_ticket_types_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_type_sessions",
                columns: table => new
                {
                    ticket_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_type_sessions", x => new { x.ticket_type_id, x.session_id });
                    table.ForeignKey(
                        name: "fk_ticket_type_sessions_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_ticket_type_sessions_ticket_types_ticket_type_id",
                        column: x => x.ticket_type_id,
                        principalTable: "ticket_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_organization_id",
                table: "events",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_slug",
                table: "events",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_status_publish_at",
                table: "events",
                columns: new[] { "status", "publish_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_status_visibility",
                table: "events",
                columns: new[] { "status", "visibility" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_event_id_code",
                table: "sessions",
                columns: new[] { "event_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_starts_at",
                table: "sessions",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_type_sessions_session_id",
                table: "ticket_type_sessions",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_types_event_id",
                table: "ticket_types",
                column: "event_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_members");

            migrationBuilder.DropTable(
                name: "ticket_type_sessions");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "ticket_types");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropColumn(
                name: "about",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "brand_colour",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "logo_path",
                table: "organizations");
        }
    }
}
