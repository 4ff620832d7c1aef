using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttendeeMessagesAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "attendee_message_id",
                table: "outbox_emails",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organization_id",
                table: "outbox_emails",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "attendee_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    audience = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    session_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ticket_type_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    order_statuses = table.Column<string[]>(type: "text[]", nullable: false),
                    checked_in = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    send_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheduled_by_admin = table.Column<bool>(type: "boolean", nullable: false),
                    recipient_count = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    refused_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendee_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_attendee_messages_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminder_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    anchor = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    offset_minutes = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_reminder_rules_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reminder_rules_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminder_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    outbox_email_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_reminder_deliveries_reminder_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "reminder_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reminder_deliveries_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "platform_settings",
                columns: new[] { "key", "value" },
                values: new object[,]
                {
                    { "message_emails_per_organization_per_day", "5000" },
                    { "message_recipients_without_admin", "500" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_emails_attendee_message_id",
                table: "outbox_emails",
                column: "attendee_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_emails_organization_id_created_at",
                table: "outbox_emails",
                columns: new[] { "organization_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_attendee_messages_event_id_created_at",
                table: "attendee_messages",
                columns: new[] { "event_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_attendee_messages_organization_id_sent_at",
                table: "attendee_messages",
                columns: new[] { "organization_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_attendee_messages_status_send_at",
                table: "attendee_messages",
                columns: new[] { "status", "send_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reminder_deliveries_rule_id_session_id_email",
                table: "reminder_deliveries",
                columns: new[] { "rule_id", "session_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reminder_deliveries_session_id",
                table: "reminder_deliveries",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_rules_event_id",
                table: "reminder_rules",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_rules_session_id",
                table: "reminder_rules",
                column: "session_id");

            migrationBuilder.AddForeignKey(
                name: "fk_outbox_emails_attendee_messages_attendee_message_id",
                table: "outbox_emails",
                column: "attendee_message_id",
                principalTable: "attendee_messages",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        
            // Events made before reminders existed get the default every new event starts with: 24 hours before each session.
            migrationBuilder.Sql("""
                INSERT INTO reminder_rules (id, event_id, scope, session_id, anchor, offset_minutes, enabled, created_at)
                SELECT gen_random_uuid(), id, 'EachSession', NULL, 'Start', -1440, TRUE, now() FROM events;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_outbox_emails_attendee_messages_attendee_message_id",
                table: "outbox_emails");

            migrationBuilder.DropTable(
                name: "attendee_messages");

            migrationBuilder.DropTable(
                name: "reminder_deliveries");

            migrationBuilder.DropTable(
                name: "reminder_rules");

            migrationBuilder.DropIndex(
                name: "ix_outbox_emails_attendee_message_id",
                table: "outbox_emails");

            migrationBuilder.DropIndex(
                name: "ix_outbox_emails_organization_id_created_at",
                table: "outbox_emails");

            migrationBuilder.DeleteData(
                table: "platform_settings",
                keyColumn: "key",
                keyValue: "message_emails_per_organization_per_day");

            migrationBuilder.DeleteData(
                table: "platform_settings",
                keyColumn: "key",
                keyValue: "message_recipients_without_admin");

            migrationBuilder.DropColumn(
                name: "attendee_message_id",
                table: "outbox_emails");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "outbox_emails");
        }
    }
}
