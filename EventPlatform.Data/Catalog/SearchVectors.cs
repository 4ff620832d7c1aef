namespace EventPlatform.Data.Catalog;

/// <summary>
/// The stored full-text vectors of events and organizations (generated columns, kept current by
/// PostgreSQL on every write). Searching reads them instead of parsing every event's text per
/// query. Shadow properties: Core's entities know nothing of tsvectors.
/// </summary>
internal static class SearchVectors
{
    /// <summary>The shadow property (column <c>search_vector</c>) on events and organizations.</summary>
    public const string Column = "SearchVector";

    // EventSql calls ep_search_tags(text[]), created by the AddCatalogSearchVectors migration:
    // a generated column may only call immutable functions, and array_to_string is declared
    // stable (for arrays of any type), though for text[] it depends on nothing but its input.

    /// <summary>
    /// The shadow property (column <c>session_names</c>) on events: its sessions' names, kept by the
    /// <c>ep_event_session_names</c> trigger on sessions (a generated column cannot read another
    /// table, and Core should not have to remember a search concern when it saves a session).
    /// </summary>
    public const string SessionNamesColumn = "SessionNames";

    /// <summary>
    /// Title weighs most (A), then what says what kind of event it is: the short description, tags,
    /// category and session names (B), then the description and venue (C).
    /// </summary>
    public const string EventSql = """
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(short_description, '') || ' ' || ep_search_tags(tags) || ' '
            || coalesce(category, '') || ' ' || coalesce(session_names, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(description, '') || ' ' || coalesce(venue_name, '') || ' ' || coalesce(venue_address, '')), 'C')
        """;

    public const string OrganizationSql = "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'C')";
}
