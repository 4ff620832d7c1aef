using EventPlatform.Core.Catalog;

namespace EventPlatform.Web.Components.Shared;

/// <summary>
/// Optional date-times as organizers type them in a <see cref="LocalDateTimeField"/>: the wall-clock time
/// in an event's or organization's zone, read into an instant.
/// </summary>
public static class LocalDateTimeInput
{
    /// <summary>
    /// Empty reads as no time (null). Otherwise the instant, or null with an error for <paramref name="field"/>
    /// when the text is not a date and time that exists in <paramref name="timeZone"/>.
    /// </summary>
    public static DateTimeOffset? ReadOptional(string? text, string timeZone, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (EventTime.TryFromLocalInput(text, timeZone, out var instant))
        {
            return instant;
        }

        errors.Add(field, WebMessages.DateTimeNotInZone);
        return null;
    }
}
