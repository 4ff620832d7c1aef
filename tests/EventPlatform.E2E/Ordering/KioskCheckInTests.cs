using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

[Collection(BrowserCollection.Name)]
public sealed class KioskCheckInTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AManagerCreatesAKiosk_ATabletChecksATicketInOnce_AndARevokedKioskEnds()
    {
        var manager = await fixture.CreateUserAsync("kim.kiosk@example.com", "Kim Kiosk");
        var organization = await fixture.App.Db.AddOrganizationAsync("kiosk-hall", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "door-test", [50], new SeedTicketType("Entry", 1500, [0]));
        var code = await BuyAsync(sale);

        var page = await fixture.NewSignedInPageAsync("kim.kiosk@example.com", 1280, 900);
        await page.GotoAsync($"events/{sale.EventId}/manage");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Check-in" }).ClickAsync();
        await page.GetByLabel("Station name").FillAsync("Main entrance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create kiosk" }).ClickAsync();
        var link = await page.Locator("[data-testid=kiosk-link]").TextContentAsync();
        Assert.Contains("/kiosk/", link, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=kiosk-row]")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "kiosk-created");

        // The tablet: another browser, tablet-sized, landscape.
        var tablet = await fixture.NewPageAsync(1180, 820);
        await tablet.GotoAsync(link!);
        await tablet.WaitForInteractiveAsync();
        await Assertions.Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Check-in · Main entrance" })).ToBeVisibleAsync();
        // The link is redeemed: the token leaves the address bar, and the tablet stays a kiosk after a reload.
        await Assertions.Expect(tablet).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kiosk$"));
        await tablet.ReloadAsync();
        await tablet.WaitForInteractiveAsync();
        await Assertions.Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Check-in · Main entrance" })).ToBeVisibleAsync();
        // A hardware scanner types the code and Enter into the focused field.
        await Assertions.Expect(tablet.Locator("[data-testid=scan-input]")).ToBeFocusedAsync();
        await tablet.Keyboard.TypeAsync(code);
        await tablet.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToHaveTextAsync("Welcome!");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-result]")).ToContainTextAsync("Ann Attendee");
        await tablet.AssertPageStructureAsync();
        await tablet.AssertAccessibleAsync();
        await Screenshots.SaveAsync(tablet, "kiosk-green-tablet");

        await Assertions.Expect(tablet.Locator("[data-testid=scan-input]")).ToBeFocusedAsync();
        await tablet.Keyboard.TypeAsync(code);
        await tablet.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToContainTextAsync("Already checked in at");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToContainTextAsync("(Europe/Berlin) at Main entrance");
        await Screenshots.SaveAsync(tablet, "kiosk-red-tablet");

        await tablet.Locator("[data-testid=scan-input]").FillAsync("not-a-ticket");
        await tablet.Locator("[data-testid=scan-input]").PressAsync("Enter");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToHaveTextAsync("Unknown code");
        await Screenshots.SaveAsync(tablet, "kiosk-unknown-tablet");

        // The link forwarded to a second tablet (portrait): it is bound to the first one.
        var portrait = await fixture.NewPageAsync(820, 1180);
        await portrait.GotoAsync(link!);
        await portrait.WaitForInteractiveAsync();
        await Assertions.Expect(portrait.GetByRole(AriaRole.Heading, new() { Name = "This kiosk link is in use on another device" }))
            .ToBeVisibleAsync();
        await portrait.AssertAccessibleAsync();
        await Screenshots.SaveAsync(portrait, "kiosk-other-device-portrait");

        // Revoked while the page is open: it ends within 5 seconds.
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke kiosk Main entrance" }).ClickAsync();
        await Assertions.Expect(tablet.Locator("[data-testid=kiosk-ended]")).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Screenshots.SaveAsync(tablet, "kiosk-ended-tablet");
        var reopened = await fixture.NewPageAsync(1180, 820);
        await reopened.GotoAsync(link!);
        await Assertions.Expect(reopened.Locator("[data-testid=kiosk-refused]")).ToBeVisibleAsync();

        await using var db = await fixture.App.Db.CreateAsync();
        Assert.Equal(1, await db.CheckIns.CountAsync(c => c.EventId == sale.EventId));
    }

    [Fact]
    public async Task TheCameraPath_ReadsATicketsQrCode_AndChecksItIn()
    {
        var manager = await fixture.CreateUserAsync("cam.kiosk@example.com", "Cam Kiosk");
        var organization = await fixture.App.Db.AddOrganizationAsync("camera-hall", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "camera-test", [50], new SeedTicketType("Entry", 1500, [0]));
        var code = await BuyAsync(sale);
        var token = await KioskAsManagerAsync(manager.Id, sale.EventId);

        // The decoder alone, on the ticket's QR image as the order page shows it.
        // (On a kiosk of its own: a kiosk link works on the first device that opens it.)
        var plain = await fixture.NewPageAsync();
        await plain.GotoAsync($"kiosk/{await KioskAsManagerAsync(manager.Id, sale.EventId)}");
        await plain.WaitForInteractiveAsync();
        var decoded = await plain.EvaluateAsync<string?>("async uri => (await import('/js/camera-scan.js')).decodeImageUrl(uri)",
            Core.Ordering.Tickets.QrCodes.DataUri(code));
        Assert.Equal(code, decoded);

        // The whole camera path: Chromium's fake camera plays a video of the QR code.
        var video = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.y4m");
        await File.WriteAllBytesAsync(video, QrVideo.Y4m(code));
        await using var browser = await fixture.LaunchWithFakeCameraAsync(video);
        var context = await browser.NewContextAsync(new()
            { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new() { Width = 1180, Height = 820 } });
        await context.GrantPermissionsAsync(["camera"], new() { Origin = fixture.BaseAddress.ToString().TrimEnd('/') });
        var tablet = await context.NewPageAsync();
        await tablet.GotoAsync($"kiosk/{token}");
        await tablet.WaitForInteractiveAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Scan with the camera" }).ClickAsync();
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToHaveTextAsync("Welcome!", new() { Timeout = 15_000 });
        await Screenshots.SaveAsync(tablet, "kiosk-camera-tablet");
    }

    [Fact]
    public async Task TheKiosk_FillsTheScreen_WithTheResultLargest_AtEveryViewport()
    {
        var manager = await fixture.CreateUserAsync("kit.kiosk@example.com", "Kit Kiosk");
        var organization = await fixture.App.Db.AddOrganizationAsync("kiosk-screens", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "kiosk-screens", [50, 80],
            new SeedTicketType("Entry", 1500, [0, 1]));
        var code = await BuyAsync(sale);
        var token = await KioskAsManagerAsync(manager.Id, sale.EventId);

        var tablet = await fixture.NewPageAsync(1180, 820);
        await tablet.GotoAsync($"kiosk/{token}");
        await tablet.WaitForInteractiveAsync();
        // The strip names the event, the session (with its times, zone named) and the station.
        await Assertions.Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Check-in · Camera gate", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-event]")).ToHaveTextAsync("Sale kiosk-screens");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-session-time]")).ToContainTextAsync("(Europe/Berlin)");
        await Assertions.Expect(tablet.GetByLabel("Scan or type a ticket code")).ToBeFocusedAsync();
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-idle]")).ToContainTextAsync("Ready to scan");
        await tablet.AssertPageStructureAsync();
        await tablet.AssertAccessibleAsync();
        await AssertToolbarIsOneRowAsync(tablet);
        await AtEveryViewportWithTheStageLargestAsync(tablet, "kiosk-ready");

        await tablet.Keyboard.TypeAsync(code);
        await tablet.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToHaveTextAsync("Welcome!");
        await tablet.AssertAccessibleAsync();
        await AtEveryViewportWithTheStageLargestAsync(tablet, "kiosk-welcome");

        await tablet.Locator("[data-testid=scan-input]").FillAsync(code);
        await tablet.Locator("[data-testid=scan-input]").PressAsync("Enter");
        await Assertions.Expect(tablet.Locator("[data-testid=checkin-headline]")).ToContainTextAsync("Already checked in at");
        await tablet.AssertAccessibleAsync();
        await AtEveryViewportWithTheStageLargestAsync(tablet, "kiosk-already");

        // Staff open the same screen from the organizer's pages, signed in.
        var staff = await fixture.NewSignedInPageAsync("kit.kiosk@example.com", 1180, 820);
        await staff.GotoAsync($"events/{sale.EventId}/check-in");
        await staff.WaitForInteractiveAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Check-in · Staff: Kit Kiosk", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Leave check-in" })).ToBeVisibleAsync();
        await staff.GetByLabel("Name, email or order number").FillAsync("Ann");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Check in Ann Attendee" })).ToBeVisibleAsync();
        await staff.AssertPageStructureAsync();
        await staff.AssertAccessibleAsync();
        await AtEveryViewportWithTheStageLargestAsync(staff, "checkin-staff");
    }

    /// <summary>The scanner field, the camera and the sound switch share one row on a tablet in landscape.</summary>
    private static async Task AssertToolbarIsOneRowAsync(IPage page)
    {
        var field = await page.Locator("[data-testid=scan-input]").BoundingBoxAsync();
        var camera = await page.Locator("[data-testid=camera-toggle]").BoundingBoxAsync();
        var sound = await page.GetByText("Sound", new() { Exact = true }).BoundingBoxAsync();
        Assert.True(Math.Abs(MiddleOf(camera!) - MiddleOf(sound!)) < 8, "Sound sits beside the camera button");
        Assert.True(Math.Abs(MiddleOf(field!) - MiddleOf(camera!)) < 12, "the camera button sits beside the scanner field");
        static float MiddleOf(LocatorBoundingBoxResult box) => box.Y + (box.Height / 2);
    }

    /// <summary>Screenshots at every viewport, each checked: the result stage is the largest block and at least 40% of the screen's height.</summary>
    private static async Task AtEveryViewportWithTheStageLargestAsync(IPage page, string name)
    {
        await Screenshots.AtEveryViewportAsync(page, name);
        foreach (var (width, height) in Screenshots.Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150);
            var stage = (await page.Locator(".ep-kiosk-stage").BoundingBoxAsync())!;
            foreach (var other in new[] { ".ep-kiosk-bar", ".ep-kiosk-toolbar", ".ep-kiosk-side" })
            {
                var box = (await page.Locator(other).BoundingBoxAsync())!;
                Assert.True(stage.Width * stage.Height > box.Width * box.Height, $"{name}: the stage is larger than {other} at {width}×{height}");
            }

            Assert.True(stage.Height >= 0.4 * height, $"{name}: the stage is {stage.Height} px high at {width}×{height}");
        }

        await page.SetViewportSizeAsync(1180, 820);
    }

    /// <summary>A kiosk row as the Check-in tab creates it (the tab itself is covered by the test above).</summary>
    private async Task<string> KioskAsManagerAsync(Guid managerId, Guid eventId)
    {
        var token = Core.Common.SecureToken.Create();
        await using var db = await fixture.App.Db.CreateAsync();
        var organizationId = await db.Events.Where(e => e.Id == eventId).Select(e => e.OrganizationId).SingleAsync();
        db.Kiosks.Add(new Core.CheckIn.Kiosk
        {
            Id = Guid.CreateVersion7(), EventId = eventId, OrganizationId = organizationId, StationName = "Camera gate",
                TokenHash = Core.Common.SecureToken.Hash(token),
            CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(2), CreatedByUserId = managerId,
        });
        await db.SaveChangesAsync();
        return token;
    }

    private async Task<string> BuyAsync(SellableEvent sale) => (await fixture.BuyAsync(sale, "Entry", 1, "Ann Attendee"))[0];
}
