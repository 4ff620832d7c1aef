using System.Globalization;

namespace EventPlatform.Core.Catalog;

/// <summary>
/// Times are stored as UTC instants and shown in the event's own zone, with the zone named:
/// "Tue 1 Sep 2026, 19:00 (Europe/Berlin)".
/// </summary>
public static class EventTime
{
    /// <summary>The format of an HTML datetime-local input: 2026-09-01T19:00.</summary>
    public const string LocalInputFormat = "yyyy-MM-ddTHH:mm";

    public static DateTime ToZone(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, Find(timeZone)).DateTime;

    /// <summary>"Tue 1 Sep 2026, 19:00 (Europe/Berlin)".</summary>
    public static string Format(DateTimeOffset instant, string timeZone, bool withZone = true)
    {
        var local = ToZone(instant, timeZone);
        var text = local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return withZone ? $"{text} ({timeZone})" : text;
    }

    /// <summary>"Tue 1 Sep 2026, 19:00–21:00 (Europe/Berlin)", or both full dates when it spans days.</summary>
    public static string FormatRange(DateTimeOffset start, DateTimeOffset end, string timeZone) =>
        ToZone(start, timeZone).Date == ToZone(end, timeZone).Date
            ? $"{Format(start, timeZone, withZone: false)}–{FormatTime(end, timeZone)} ({timeZone})"
            : $"{Format(start, timeZone, withZone: false)} – {Format(end, timeZone)}";

    /// <summary>"19:00" in the zone, for the end of a session on the same day.</summary>
    public static string FormatTime(DateTimeOffset instant, string timeZone) =>
        ToZone(instant, timeZone).ToString("HH:mm", CultureInfo.InvariantCulture);

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

    public static bool IsKnownZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    private static TimeZoneInfo Find(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
