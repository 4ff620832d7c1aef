using System.Diagnostics;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using EventPlatform.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EventPlatform.E2E.Ordering;

[Collection(BrowserCollection.Name)]
public sealed class LiveAvailabilityTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task AChosenQuantity_ShrinksWithLiveAvailability_AndSaysWhy_SoContinueNeverSendsTooMany()
    {
        var organization = await fixture.App.Db.AddOrganizationAsync("stale-arts");
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "stale-choice", [5], new SeedTicketType("Seat", 1500, [0]));
        var page = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=ticket-quantity]").SelectOptionAsync("4");
        await Assertions.Expect(page.Locator("[data-testid=selection-summary]")).ToContainTextAsync("4 tickets");

        await fixture.BuyAsync(sale, "Seat", 3, "Someone Else");

        await Assertions.Expect(page.Locator("[data-testid=selection-note]")).ToHaveTextAsync("Only 2 left: we changed your selection.");
        await Assertions.Expect(page.Locator("[data-testid=ticket-quantity]")).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=selection-summary]")).ToContainTextAsync("2 tickets");
        await Screenshots.AtEveryViewportAsync(page, "live-selection-lowered");

        await fixture.BuyAsync(sale, "Seat", 2, "Someone Else Again");

        await Assertions.Expect(page.Locator("[data-testid=selection-note]"))
            .ToHaveTextAsync("No longer available: we removed it from your selection.");
        await Assertions.Expect(page.Locator("[data-testid=selection-summary]")).ToHaveTextAsync("Choose your tickets");
        await Assertions.Expect(page.Locator("[data-testid=continue-to-checkout]")).ToBeDisabledAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AWatchingVisitor_SeesSoldOut_WithinASecond_WhenSomeoneElseBuysTheLastTickets()
    {
        var owner = await fixture.CreateUserAsync("owner.live@example.com");
        var organization = await fixture.App.Db.AddOrganizationAsync("live-arts", (owner.Id, OrgRole.Owner));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "last-seats", [3], new SeedTicketType("Seat", 2000, [0]));

        // B watches the event page in its own browser context.
        var watcher = await fixture.NewPageAsync(1280, 800);
        await watcher.GotoAsync($"e/{sale.Slug}");
        await watcher.WaitForInteractiveAsync();
        var availability = watcher.Locator("[data-testid=ticket-availability]").First;
        await Assertions.Expect(availability).Not.ToHaveTextAsync("Sold out");

        // The organizer watches the event dashboard.
        var organizer = await fixture.NewSignedInPageAsync("owner.live@example.com", 1280, 900);
        await organizer.GotoAsync($"events/{sale.EventId}/manage");
        await organizer.WaitForInteractiveAsync();
        await organizer.GetByRole(AriaRole.Tab, new() { Name = "Dashboard" }).ClickAsync();
        var sold = organizer.Locator("[data-testid=tickets-sold]");
        await Assertions.Expect(sold).ToHaveTextAsync("0");

        // A buys the last three, through the same use cases the checkout page calls.
        await fixture.BuyAsync(sale, "Seat", 3, "Ann", afterHold: async () =>
        {
            // Held places are gone for everyone else at once.
            var held = Stopwatch.StartNew();
            await Assertions.Expect(availability).ToHaveTextAsync("Sold out", new() { Timeout = 1000 });
            output.WriteLine($"Sold out shown {held.ElapsedMilliseconds} ms after A's hold committed, without reload");
        });

        await Assertions.Expect(availability).ToHaveTextAsync("Sold out");
        await Assertions.Expect(watcher.Locator("[data-testid=ticket-quantity]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(watcher, "live-sold-out");
        await Assertions.Expect(sold).ToHaveTextAsync("3", new() { Timeout = 1000 });
        // The buyer paid €64.80; the organizer's net is that less the €4.80 platform fee passed on to them.
        await Assertions.Expect(organizer.Locator("[data-testid=gross]")).ToHaveTextAsync("€60.00");
        await Assertions.Expect(organizer.Locator("[data-testid=net]")).ToHaveTextAsync("€60.00");
        await Assertions.Expect(organizer.Locator("[data-testid=fees]")).ToHaveTextAsync("€4.80");
        await organizer.AssertAccessibleAsync();
        await Screenshots.SaveAsync(organizer, "live-dashboard");
        await LeaveAsync(organizer);

        // Closing pages ends their subscriptions (the hub is shared by the whole app, so count this event's only).
        var hub = fixture.App.Services.GetRequiredService<LiveAvailability>();
        Assert.True(hub.SubscriberCountFor(sale.EventId) >= 1);
        for (var i = 0; i < 5; i++)
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync($"e/{sale.Slug}");
            await page.WaitForInteractiveAsync();
            await LeaveAsync(page);
        }

        await LeaveAsync(watcher);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (hub.SubscriberCountFor(sale.EventId) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, hub.SubscriberCountFor(sale.EventId));
    }

    /// <summary>
    /// Navigates away inside the app, which disposes the page's components (and so their
    /// subscriptions) at once. A closed tab's circuit, and its components, end only after the
    /// server's disconnected-circuit retention period (3 minutes by default).
    /// </summary>
    private static async Task LeaveAsync(IPage page)
    {
        await page.EvaluateAsync("() => Blazor.navigateTo('/')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Sale last-seats");
        await page.Context.CloseAsync();
    }
}
