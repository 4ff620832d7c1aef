using System.Text.RegularExpressions;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

/// <summary>Every time on the organizer's and buyer's pages names its zone, here an event in New York seen from anywhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimesNameTheirZoneTests(BrowserAppFixture fixture)
{
    private const string Zone = "(America/New_York)";

    [Fact]
    public async Task OrdersKiosksCouponsAndTheEventPage_NameTheZoneOfEveryTime_AtEveryViewport()
    {
        var manager = await fixture.CreateUserAsync("zoe.zone@example.com", "Zoe Zone");
        var organization = await fixture.App.Db.AddOrganizationAsync("zone-hall", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "new-york-night", [60], new SeedTicketType("Entry", 1500, [0]));
        var now = DateTimeOffset.UtcNow;
        await using (var db = await fixture.App.Db.CreateAsync())
        {
            await db.Events.Where(e => e.Id == sale.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.TimeZone, "America/New_York"));
            await db.Organizations.Where(o => o.Id == organization.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DefaultTimeZone, "America/New_York"));
            db.Coupons.Add(new Coupon
            {
                Id = Guid.CreateVersion7(), OrganizationId = organization.Id, Code = "SPRING", Kind = CouponKind.Percent, PercentOff = 10,
                ValidFrom = new DateTimeOffset(2027, 2, 1, 5, 0, 0, TimeSpan.Zero),
                ValidUntil = new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero),
                CreatedAt = now,
            });
            db.Kiosks.Add(new Kiosk
            {
                Id = Guid.CreateVersion7(), EventId = sale.EventId, OrganizationId = organization.Id, StationName = "Front door",
                TokenHash = SecureToken.Hash(SecureToken.Create()), CreatedAt = now, ExpiresAt = now.AddHours(4), LastActivityAt = now,
                CreatedByUserId = manager.Id,
            });
            await db.SaveChangesAsync();
        }

        await fixture.BuyAsync(sale, "Entry", 1, "Ann Attendee");
        Guid orderId;
        await using (var db = await fixture.App.Db.CreateAsync())
        {
            orderId = await db.Orders.Where(o => o.EventId == sale.EventId).Select(o => o.Id).SingleAsync();
        }

        var page = await fixture.NewSignedInPageAsync("zoe.zone@example.com", 1366, 900);

        // Orders: the list's "Created" and the order's created and paid times.
        await page.GotoAsync($"events/{sale.EventId}/manage/orders?order={orderId}");
        await page.WaitForInteractiveAsync();
        // ("· created": the export panel's date labels say "Paid or created from (America/New_York)" too.)
        await Assertions.Expect(page.GetByText(new Regex(@"·\s+created .+ \(America/New_York\)"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"paid .+ \(America/New_York\)"))).ToBeVisibleAsync();
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "zones-order");
        // On a tablet in portrait an order is a compact row, not one line per column.
        await page.SetViewportSizeAsync(820, 1180);
        var orderRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "buyer@example.com" }).Last;
        await Assertions.Expect(orderRow).ToContainTextAsync(Zone);
        var orderRowHeight = (await orderRow.BoundingBoxAsync())!.Height;
        Assert.True(orderRowHeight < 110, $"an order's row is {orderRowHeight} px high on a tablet");
        await page.SetViewportSizeAsync(1366, 900);

        // Sessions: starts and ends.
        await page.GotoAsync($"events/{sale.EventId}/manage/sessions");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("Mon 1 Mar 2027, 13:00 (America/New_York)", new() { Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "zones-sessions");

        // The dashboard's tables become compact rows on phones too.
        await page.GotoAsync($"events/{sale.EventId}/manage/dashboard");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-type]")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "zones-dashboard");

        // Kiosks: valid until and last activity.
        await page.GotoAsync($"events/{sale.EventId}/manage/check-in");
        await page.WaitForInteractiveAsync();
        var kiosk = page.Locator("[data-testid=kiosk-row]");
        await Assertions.Expect(kiosk).ToContainTextAsync(Zone);
        Assert.Equal(2, Regex.Count(await kiosk.InnerTextAsync(), @"\(America/New_York\)"));
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "zones-kiosks");

        // Coupons: the validity window, one zone for the range.
        await page.GotoAsync($"org/{organization.Id}/coupons");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("Mon 1 Feb 2027, 00:00 – Mon 1 Mar 2027, 00:00 (America/New_York)")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "zones-coupons");

        // The event page: each session's times.
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=session]").First).ToContainTextAsync("Mon 1 Mar 2027, 13:00–16:00 (America/New_York)");
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "zones-event-page");
    }
}
