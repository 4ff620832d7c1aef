using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventPlatform.Core.Catalog;

/// <summary>One session as a calendar entry.</summary>
public sealed record CalendarSession(string Code, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>Builds the .ics file of an event's sessions (event page download, ticket emails).</summary>
public static class EventCalendar
{
    public static byte[] Build(Event ev, IReadOnlyList<CalendarSession> sessions, string eventUrl)
    {
        var calendar = new Calendar { ProductId = "-//EventPlatform//Events//EN" };
        foreach (var session in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{ev.Id}-{session.Code}@eventplatform",
                Summary = sessions.Count > 1 ? $"{ev.Title} — {session.Name}" : ev.Title,
                Description = $"{ev.ShortDescription}\n{eventUrl}".Trim(),
                Location = ev.IsOnline ? "Online" : string.Join(", ", new[] { ev.VenueName, ev.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Start = new CalDateTime(session.StartsAt.UtcDateTime, "UTC"),
                End = new CalDateTime(session.EndsAt.UtcDateTime, "UTC"),
                Url = new Uri(eventUrl),
                Status = ev.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
