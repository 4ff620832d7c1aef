using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace EventPlatform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCatalogSearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The events' generated column calls it: it must exist first.
            // (Inlined, not read from SearchVectors: a migration stays what it was when it ran.)
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ep_search_tags(tags text[]) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;
                """);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "organizations",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "events",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')\n|| setweight(to_tsvector('english'::regconfig, coalesce(short_description, '') || ' ' || ep_search_tags(tags)), 'B')\n|| setweight(to_tsvector('english'::regconfig, coalesce(description, '') || ' ' || coalesce(venue_name, '') || ' ' || coalesce(venue_address, '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_search_vector",
                table: "events",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_events_search_vector",
                table: "events");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "events");

            migrationBuilder.Sql("DROP FUNCTION ep_search_tags(text[]);");
        }
    }
}
