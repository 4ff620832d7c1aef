using EventPlatform.Core.Organizations.Pages;
using EventPlatform.Data;

namespace EventPlatform.Web.Demo;

/// <summary>
/// The demo organizations' content pages, shown in their public sites' navigation: Riverside's FAQ, venue
/// directions and code of conduct, and Northwind's code of conduct, plus a draft (seen only by its managers).
/// </summary>
internal static class DemoPages
{
    public static void Add(EventPlatformDbContext db, Guid riverside, Guid northwind, DateTimeOffset now)
    {
        var order = 0;
        Page(db, riverside, "FAQ", "faq", RiversideFaq, true, ++order, now);
        Page(db, riverside, "Venue & directions", "venue-directions", RiversideVenue, true, ++order, now);
        Page(db, riverside, "Code of conduct", "code-of-conduct", CodeOfConduct("Riverside Arts Collective", "hello@riverside.example"), true,
            ++order, now);
        order = 0;
        Page(db, northwind, "Code of conduct", "code-of-conduct", CodeOfConduct("Northwind Tech Meetups", "conduct@northwind.example"), true,
            ++order, now);
        Page(db, northwind, "Venue & directions", "venue-directions", NorthwindVenue, true, ++order, now);
        Page(db, northwind, "Call for speakers", "call-for-speakers", NorthwindSpeakers, false, ++order, now);
    }

    private static void Page(EventPlatformDbContext db, Guid organizationId, string title, string slug, string body, bool published, int order,
        DateTimeOffset now) =>
        db.ContentPages.Add(new ContentPage
        {
            Id = Guid.CreateVersion7(), OrganizationId = organizationId, Title = title, Slug = slug, Body = body, IsPublished = published,
            SortOrder = order, CreatedAt = now, UpdatedAt = now,
        });

    private const string RiversideFaq = """
        ### Do I need to bring anything?
        No. Clay, glazes, aprons and tools are included in every class. Wear clothes that can get a little muddy.

        ### Can I come to only one day of a series?
        Yes, where the event offers a day ticket. A series ticket covers every session and is cheaper per day.

        ### What if I cannot come?
        Cancel from **My tickets** or the link in your confirmation email. Refunds follow the event's refund rules.

        ### Is the studio accessible?
        The ground floor studio has step-free access and an accessible toilet. Tell us at checkout if you need anything else.
        """;

    private const string RiversideVenue = """
        **Riverside Arts Studio**, Quay Street 12 (ground floor, blue door).

        - **Tram:** line 4 to *Riverside Quay*, then 3 minutes along the river.
        - **Bike:** racks in the courtyard.
        - **Car:** the Quay car park is 5 minutes away; there is no parking at the studio.

        Doors open 15 minutes before each session. Latecomers: ring the bell at the side entrance.
        """;

    private const string NorthwindVenue = """
        Northwind meetups take place at **Harbor Works**, 200 Pier Avenue, 3rd floor.

        - The entrance is on Pier Avenue; show your ticket's QR code at the front desk.
        - The nearest subway station is *Harbor Square* (lines A and C), a 4-minute walk.
        - Elevators reach every floor; the venue is step-free.
        """;

    private const string NorthwindSpeakers = """
        We are looking for talks of 20 or 40 minutes for the next season. Send a title, a short abstract and a few lines about
        yourself. First-time speakers are very welcome; we pair every new speaker with a mentor.
        """;

    private static string CodeOfConduct(string organization, string contact) => $"""
        {organization} wants every event to be welcoming and safe for everyone.

        1. Be kind and respectful, in person and online.
        2. Harassment, discrimination and unwanted attention are not tolerated, in any form.
        3. Follow the instructions of the organizers and the venue staff.

        Anyone who breaks these rules may be asked to leave without a refund. If something happens, talk to any organizer
        or write to [{contact}](mailto:{contact}); we reply within a day and treat every report in confidence.
        """;
}
