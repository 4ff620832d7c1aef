using System.Text;
using System.Xml;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventPlatform.Web.Api;

/// <summary>Machine-readable views of the catalog: an event's .ics calendar file and the sitemap.</summary>
internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/e/{slug}/calendar.ics", async (string slug, GetPublicEvent getEvent, HttpContext context, CancellationToken ct) =>
        {
            PublicEventView view;
            try
            {
                view = await getEvent.ExecuteAsync(slug, ct);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }

            var url = $"{context.Request.Scheme}://{context.Request.Host}/e/{view.Event.Slug}";
            var calendar = new Calendar { ProductId = "-//EventPlatform//Events//EN" };
            foreach (var session in view.Sessions)
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{view.Event.Id}-{session.Code}@eventplatform",
                    Summary = view.Sessions.Count > 1 ? $"{view.Event.Title} — {session.Name}" : view.Event.Title,
                    Description = $"{view.Event.ShortDescription}\n{url}".Trim(),
                    Location = view.Event.IsOnline ? "Online" : string.Join(", ", new[] { view.Event.VenueName, view.Event.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s))),
                    Start = new CalDateTime(session.StartsAt.UtcDateTime, "UTC"),
                    End = new CalDateTime(session.EndsAt.UtcDateTime, "UTC"),
                    Url = new Uri(url),
                    Status = view.Event.Status == Core.Catalog.EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
                });
            }

            var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
            return Results.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"{view.Event.Slug}.ics");
        });

        endpoints.MapGet("/sitemap.xml", async (BrowseCatalog catalog, HttpContext context, CancellationToken ct) =>
        {
            var root = $"{context.Request.Scheme}://{context.Request.Host}";
            var builder = new StringBuilder();
            using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
            {
                xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                WriteUrl(xml, root + "/", null);
                WriteUrl(xml, root + "/events", null);
                foreach (var (slug, updatedAt) in await catalog.ListedEventsAsync(ct))
                {
                    WriteUrl(xml, $"{root}/e/{slug}", updatedAt);
                }

                xml.WriteEndElement();
            }

            return Results.Text(builder.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml; charset=utf-8");
        });
        return endpoints;
    }

    private static void WriteUrl(XmlWriter xml, string location, DateTimeOffset? modified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", location);
        if (modified is { } at)
        {
            xml.WriteElementString("lastmod", at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }
}
