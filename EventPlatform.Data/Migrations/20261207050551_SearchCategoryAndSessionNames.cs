using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchCategoryAndSessionNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "session_names",
                table: "events",
                type: "text",
                nullable: true);

            // Sessions' names, copied onto their event for its search vector. It fires on a session's
            // insert, delete or rename only: the counters' updates (held, sold) do not name the column,
            // so a purchase never pays for it. A session never moves to another event.
            migrationBuilder.Sql("""
                CREATE FUNCTION ep_event_session_names() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    changed_event uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END;
                BEGIN
                    UPDATE events SET session_names =
                        (SELECT string_agg(s.name, ' ' ORDER BY s.starts_at, s.code) FROM sessions s WHERE s.event_id = changed_event)
                    WHERE id = changed_event;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER ep_event_session_names_added_or_removed AFTER INSERT OR DELETE ON sessions
                    FOR EACH ROW EXECUTE FUNCTION ep_event_session_names();
                CREATE TRIGGER ep_event_session_names_renamed AFTER UPDATE OF name ON sessions
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION ep_event_session_names();

                UPDATE events e SET session_names =
                    (SELECT string_agg(s.name, ' ' ORDER BY s.starts_at, s.code) FROM sessions s WHERE s.event_id = e.id);
                """);

            // A stored generated column's expression cannot be altered in place: drop it (and its index), add it again.
            migrationBuilder.DropIndex(name: "ix_events_search_vector", table: "events");
            migrationBuilder.DropColumn(name: "search_vector", table: "events");
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "events",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')\n|| setweight(to_tsvector('english'::regconfig, coalesce(short_description, '') || ' ' || ep_search_tags(tags) || ' '\n    || coalesce(category, '') || ' ' || coalesce(session_names, '')), 'B')\n|| setweight(to_tsvector('english'::regconfig, coalesce(description, '') || ' ' || coalesce(venue_name, '') || ' ' || coalesce(venue_address, '')), 'C')",
                stored: true);
            migrationBuilder.CreateIndex(name: "ix_events_search_vector", table: "events", column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A stored generated column's expression cannot be altered in place: drop it (and its index), add it again.
            migrationBuilder.DropIndex(name: "ix_events_search_vector", table: "events");
            migrationBuilder.DropColumn(name: "search_vector", table: "events");
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "events",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')\n|| setweight(to_tsvector('english'::regconfig, coalesce(short_description, '') || ' ' || ep_search_tags(tags)), 'B')\n|| setweight(to_tsvector('english'::regconfig, coalesce(description, '') || ' ' || coalesce(venue_name, '') || ' ' || coalesce(venue_address, '')), 'C')",
                stored: true);
            migrationBuilder.CreateIndex(name: "ix_events_search_vector", table: "events", column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.Sql("""
                DROP TRIGGER ep_event_session_names_renamed ON sessions;
                DROP TRIGGER ep_event_session_names_added_or_removed ON sessions;
                DROP FUNCTION ep_event_session_names();
                """);
            migrationBuilder.DropColumn(name: "session_names", table: "events");
        }
    }
}
