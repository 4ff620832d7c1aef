using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventPlatform.Core.Catalog;

/// <summary>A session as a calendar entry; the event page's and the order's session views are both one.</summary>
public interface ICalendarSession
{
    string Code { get; }
    string Name { get; }
    DateTimeOffset StartsAt { get; }
    DateTimeOffset EndsAt { get; }
}

/// <summary>
/// Builds the .ics file of an event's sessions, the one place calendar files are made: the event
/// page's download (<c>/e/{slug}/calendar.ics</c>), the order's (<c>/order/{key}/calendar.ics</c>)
/// and the confirmation email's attachment.
/// </summary>
public static class EventCalendar
{
    /// <summary>The file's name, <c>{slug}.ics</c>.</summary>
    public static string FileName(Event ev) => $"{ev.Slug}.ics";

    public static byte[] Build(Event ev, IReadOnlyList<ICalendarSession> sessions, string eventUrl)
    {
        var calendar = new Calendar { ProductId = "-//EventPlatform//Events//EN" };
        foreach (var session in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{ev.Id}-{session.Code}@eventplatform",
                Summary = sessions.Count > 1 ? $"{ev.Title} — {session.Name}" : ev.Title,
                Description = $"{ev.ShortDescription}\n{eventUrl}".Trim(),
                Location = ev.IsOnline ? "Online" : string.Join(", ",
                    new[] { ev.VenueName, ev.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Start = new CalDateTime(session.StartsAt.UtcDateTime, "UTC"),
                End = new CalDateTime(session.EndsAt.UtcDateTime, "UTC"),
                Url = new Uri(eventUrl),
                Status = ev.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
