using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Ordering.Exports;

public sealed record ExportSession(Guid Id, string Code, string Name)
{
    /// <summary>"S1 Keynote": the code keeps two sessions of the same name apart.</summary>
    public string Label => $"{Code} {Name}";
}

public sealed record ExportTicketType(Guid Id, string Name, IReadOnlySet<Guid> SessionIds);

public sealed record ExportQuestion(Guid Id, string Label)
{
    /// <summary>Answers are stored per ticket under the question's id as text.</summary>
    public string AnswerKey { get; } = Id.ToString();
}

/// <summary>The event an export reads (its sessions, ticket types and questions, in the order organizers see them) and the filter.</summary>
public sealed record ExportScope(Guid EventId, string Slug, string TimeZone, IReadOnlyList<ExportSession> Sessions,
    IReadOnlyList<ExportTicketType> TicketTypes, IReadOnlyList<ExportQuestion> Questions, ExportFilter Filter)
{
    /// <summary>The ticket types the filter keeps (all of them without a session or type filter).</summary>
    public IReadOnlyList<Guid> KeptTypeIds() => TicketTypes
        .Where(t => Filter.SessionId is not { } session || t.SessionIds.Contains(session))
        .Where(t => Filter.TicketTypeId is not { } type || t.Id == type)
        .Select(t => t.Id).ToList();

    public bool FiltersTickets => Filter.SessionId is not null || Filter.TicketTypeId is not null;

    /// <summary>The first instant of the From day in the event's zone.</summary>
    public DateTimeOffset? FromUtc => Filter.From is { } day ? DayStart(day) : null;

    /// <summary>The first instant after the To day in the event's zone.</summary>
    public DateTimeOffset? BeforeUtc => Filter.To is { } day ? DayStart(day.AddDays(1)) : null;

    /// <summary>An instant as the event's local wall-clock time, for date cells.</summary>
    public DateTime? Local(DateTimeOffset? instant) => instant is { } at ? EventTime.ToZone(at, TimeZone) : null;

    private DateTimeOffset DayStart(DateOnly day)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where clocks go forward at midnight the day starts at the first time that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
