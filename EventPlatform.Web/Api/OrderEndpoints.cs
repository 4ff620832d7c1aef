using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Checkout;

namespace EventPlatform.Web.Api;

/// <summary>An order's calendar file, at /order/{key}/calendar.ics (the key is the capability, as for the order page).</summary>
internal static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/order/{key}/calendar.ics", async (string key, GetOrder getOrder, Hosting.SiteLinks links, CancellationToken ct) =>
        {
            OrderView view;
            try
            {
                view = await getOrder.ByKeyAsync(key, ct);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }

            var url = links.Absolute($"/e/{view.Event.Slug}");
            return Results.File(EventCalendar.Build(view.Event, view.Sessions, url), "text/calendar; charset=utf-8",
                EventCalendar.FileName(view.Event));
        });
        return endpoints;
    }
}
