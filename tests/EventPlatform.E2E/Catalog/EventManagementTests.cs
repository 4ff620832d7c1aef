using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Catalog;

[Collection(BrowserCollection.Name)]
public sealed class EventManagementTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Manager_CreatesATwoSessionEventWithTwoTicketTypes_AndPublishesIt()
    {
        var manager = await fixture.CreateUserAsync("mia.manager@example.com", "Mia Manager");
        var organization = await fixture.App.Db.AddOrganizationAsync("clay-collective", (manager.Id, OrgRole.Manager));
        var page = await fixture.NewSignedInPageAsync("mia.manager@example.com", 1280, 900);

        await page.GotoAsync($"org/{organization.Id}/events");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New event", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Clay Weekend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the venue's name, or mark the event as online.")).ToBeVisibleAsync();
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("Riverside Studio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clay Weekend", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=event-status]")).ToHaveTextAsync("Draft");

        await page.GetByLabel("Upload a JPEG, PNG or WebP (up to 5 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "cover.txt", // the name does not matter: the bytes are checked
            MimeType = "text/plain",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Current cover image" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Sessions" }).ClickAsync();
        await AddSessionAsync(page, "Saturday", "2027-10-09T10:00", "2027-10-09T09:00", "12");
        await Assertions.Expect(page.GetByText("The end must be after the start.")).ToBeVisibleAsync();
        await page.GetByLabel("Ends").FillAsync("2027-10-09T16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Saturday", Exact = true })).ToBeVisibleAsync();
        await AddSessionAsync(page, "Sunday", "2027-10-10T10:00", "2027-10-10T16:00", "12");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sunday", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "S2", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Ticket types" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add ticket type" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Choose at least one session for this ticket type.")).ToBeVisibleAsync();
        await AddTicketTypeAsync(page, "Full weekend", "80.00", "S1 · Saturday", "S2 · Sunday");
        await AddTicketTypeAsync(page, "Saturday only", "45", "S1 · Saturday");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "€80.00", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "S1, S2", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "event-editor-ticket-types");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=event-status]")).ToHaveTextAsync("Published");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"org/{organization.Id}/events");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Clay Weekend" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sat 9 Oct 2027, 10:00 (Europe/Berlin)" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "events-list");

        // An anonymous visitor finds it by search and sees prices, times in the event's zone, availability.
        var visitor = await fixture.NewPageAsync(1280, 900);
        await visitor.GotoAsync("");
        // The circuit re-renders the prerendered page when it starts; typing before that would be lost.
        await visitor.WaitForInteractiveAsync();
        await visitor.GetByRole(AriaRole.Searchbox, new() { Name = "Search events" }).FillAsync("clay weekend");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-testid=result-count]")).ToHaveTextAsync("1 event");
        await visitor.WaitForInteractiveAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Clay Weekend" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Clay Weekend", Level = 1 })).ToBeVisibleAsync();
        var tickets = visitor.Locator("[data-testid=ticket-type]");
        try
        {
            await Assertions.Expect(tickets).ToHaveCountAsync(2);
        }
        catch (PlaywrightException)
        {
            await Screenshots.SaveAsync(visitor, "event-page-failure");
            throw;
        }

        await Assertions.Expect(tickets.Filter(new() { HasText = "Full weekend" }).Locator("[data-testid=ticket-price]")).ToHaveTextAsync("€80.00");
        await Assertions.Expect(tickets.Filter(new() { HasText = "Saturday only" }).Locator("[data-testid=ticket-price]"))
            .ToHaveTextAsync("€45.00");
        await Assertions.Expect(tickets.Filter(new() { HasText = "Full weekend" }).Locator("[data-testid=ticket-availability]"))
            .ToHaveTextAsync("Available");
        await Assertions.Expect(visitor.Locator("[data-testid=session]").First).ToContainTextAsync("Sat 9 Oct 2027, 10:00–16:00 (Europe/Berlin)");
        await Assertions.Expect(visitor.Locator("[data-testid=time-zone]")).ToHaveTextAsync("Times in Europe/Berlin");
        await visitor.AssertPageStructureAsync();
        await visitor.AssertAccessibleAsync();
        await Screenshots.SaveAsync(visitor, "event-page");
    }

    private static async Task AddSessionAsync(IPage page, string name, string starts, string ends, string capacity)
    {
        await page.GetByLabel("Session name").FillAsync(name);
        await page.GetByLabel("Starts").FillAsync(starts);
        await page.GetByLabel("Ends").FillAsync(ends);
        await page.GetByLabel("Capacity").FillAsync(capacity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();
    }

    private static async Task AddTicketTypeAsync(IPage page, string name, string price, params string[] sessions)
    {
        await page.GetByLabel("Ticket name").FillAsync(name);
        await page.GetByLabel("Price (EUR)", new() { Exact = true }).FillAsync(price);
        foreach (var session in sessions)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = session }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add ticket type" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }
}
