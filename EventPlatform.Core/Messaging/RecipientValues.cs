using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace EventPlatform.Core.Messaging;

/// <summary>The values of a message's or reminder's placeholders for one recipient (<see cref="EmailPlaceholders.ForMessages"/>).</summary>
public sealed class RecipientValues(IOptions<SiteOptions> site)
{
    /// <param name="session">The session the email is about; the recipient's first selected session when null.</param>
    public Dictionary<string, string> For(Event ev, Recipient recipient, Session? session = null)
    {
        session ??= recipient.Session;
        var eventUrl = site.Value.Url($"/e/{ev.Slug}");
        // The buyer gets their order's page; an attendee who did not buy gets the event's page (the order link would let them change it).
        var orderUrl = recipient.OrderAccessKey is { } key ? site.Value.Url($"/order/{key}") : eventUrl;
        return new Dictionary<string, string>
        {
            [EmailPlaceholders.AttendeeName.Name] = recipient.Name,
            [EmailPlaceholders.EventTitle.Name] = ev.Title,
            [EmailPlaceholders.SessionName.Name] = session?.Name ?? "",
            [EmailPlaceholders.SessionStart.Name] = session is null ? "" : EventTime.Format(session.StartsAt, ev.TimeZone),
            [EmailPlaceholders.Venue.Name] = Venue(ev),
            [EmailPlaceholders.OrderNumber.Name] = recipient.OrderNumber,
            [EmailPlaceholders.OrderUrl.Name] = orderUrl,
            [EmailPlaceholders.TicketUrl.Name] = orderUrl,
            [EmailPlaceholders.EventUrl.Name] = eventUrl,
        };
    }

    /// <summary>Where it happens: the venue and its address, or Online.</summary>
    public static string Venue(Event ev) =>
        ev.IsOnline ? "Online" : string.Join(", ", new[] { ev.VenueName, ev.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
