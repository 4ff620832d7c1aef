using System.Text;
using System.Xml;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations.Pages;

namespace EventPlatform.Web.Api;

/// <summary>
/// Machine-readable views of the catalog: an event's .ics calendar file, and the sitemap (listed events and the
/// organizations' published pages).
/// </summary>
internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/e/{slug}/calendar.ics", async (string slug, GetPublicEvent getEvent, Hosting.SiteLinks links, CancellationToken ct) =>
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

            var url = links.Absolute($"/e/{view.Event.Slug}");
            return Results.File(EventCalendar.Build(view.Event, view.Sessions, url), "text/calendar; charset=utf-8",
                EventCalendar.FileName(view.Event));
        });

        endpoints.MapGet("/sitemap.xml", async (BrowseCatalog catalog, PublicContentPages pages, Hosting.SiteLinks links, CancellationToken ct) =>
        {
            var root = links.Absolute("").TrimEnd('/');
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

                foreach (var (organizationSlug, pageSlug, updatedAt) in await pages.ListedAsync(ct))
                {
                    WriteUrl(xml, $"{root}/o/{organizationSlug}/{pageSlug}", updatedAt);
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
