using System.Globalization;

namespace EventPlatform.Core.Catalog;

/// <summary>
/// The one formatter of times people read, on pages and in emails. Times are stored as UTC instants
/// and shown in a named zone — the event's own, or UTC where there is no event — and every text it
/// makes names that zone by its IANA id: "Tue 1 Sep 2026, 19:00 (Europe/Berlin)". There is no
/// variant without the zone, so a page cannot show a time whose zone the reader has to guess.
/// </summary>
public static class EventTime
{
    /// <summary>The format of an HTML datetime-local input: 2026-09-01T19:00.</summary>
    public const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The zone of times that belong to no event (the admin's logs, the development mailbox).</summary>
    public const string Utc = "UTC";

    private const string DateFormat = "ddd d MMM yyyy";
    private const string ClockFormat = "HH:mm";

    public static DateTime ToZone(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, Find(timeZone)).DateTime;

    /// <summary>"Tue 1 Sep 2026, 19:00 (Europe/Berlin)".</summary>
    public static string Format(DateTimeOffset instant, string timeZone) =>
        $"{DateAndClock(instant, timeZone)} ({ZoneName(timeZone)})";

    /// <summary>"Tue 1 Sep 2026, 17:00 (UTC)".</summary>
    public static string FormatUtc(DateTimeOffset instant) => Format(instant, Utc);

    /// <summary>"Tue 1 Sep 2026 (Europe/Berlin)": the day, which depends on the zone too.</summary>
    public static string FormatDate(DateTimeOffset instant, string timeZone) =>
        $"{ToZone(instant, timeZone).ToString(DateFormat, CultureInfo.InvariantCulture)} ({ZoneName(timeZone)})";

    /// <summary>"19:00 (Europe/Berlin)", for a time on a day the reader knows (today at a kiosk).</summary>
    public static string FormatTime(DateTimeOffset instant, string timeZone) =>
        $"{Clock(instant, timeZone)} ({ZoneName(timeZone)})";

    /// <summary>"Tue 1 Sep 2026, 19:00–21:00 (Europe/Berlin)", or both full dates when it spans days.</summary>
    public static string FormatRange(DateTimeOffset start, DateTimeOffset end, string timeZone) =>
        ToZone(start, timeZone).Date == ToZone(end, timeZone).Date
            ? $"{DateAndClock(start, timeZone)}–{Clock(end, timeZone)} ({ZoneName(timeZone)})"
            : $"{DateAndClock(start, timeZone)} – {DateAndClock(end, timeZone)} ({ZoneName(timeZone)})";

    /// <summary>The zone's name as shown: its IANA id, or UTC for a zone this machine does not know (the times are then in UTC).</summary>
    public static string ZoneName(string timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) ? timeZone : Utc;

    /// <summary>The value for a datetime-local input showing this instant in the zone.</summary>
    public static string ToLocalInput(DateTimeOffset instant, string timeZone) =>
        ToZone(instant, timeZone).ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a datetime-local value typed in the event's zone. Fails for text that is not a time,
    /// and for a time that does not exist there (skipped when clocks go forward).
    /// </summary>
    public static bool TryFromLocalInput(string? value, string timeZone, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(value, [LocalInputFormat, LocalInputFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local))
        {
            return false;
        }

        var zone = Find(timeZone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return false;
        }

        instant = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
        return true;
    }

    private static string DateAndClock(DateTimeOffset instant, string timeZone) =>
        ToZone(instant, timeZone).ToString($"{DateFormat}, {ClockFormat}", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset instant, string timeZone) =>
        ToZone(instant, timeZone).ToString(ClockFormat, CultureInfo.InvariantCulture);

    public static bool IsKnownZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    private static TimeZoneInfo Find(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
