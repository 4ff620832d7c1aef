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
            var sessions = view.Sessions.Select(s => new CalendarSession(s.Code, s.Name, s.StartsAt, s.EndsAt)).ToList();
            return Results.File(EventCalendar.Build(view.Event, sessions, url), "text/calendar; charset=utf-8", $"{view.Event.Slug}.ics");
        });
        return endpoints;
    }
}
