using EventPlatform.Web.Live;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace EventPlatform.Bench;

/// <param name="BytesPerCircuit">Growth of the server's managed heap (after a full collection) per open event page.</param>
/// <param name="UpdateGrowthBytesPerCircuit">Further growth per open page after <see cref="CircuitMemory.Changes"/> live changes.</param>
/// <param name="UpdateReads">The live hub's reads for those changes: each one a re-render of every page.</param>
/// <param name="HeapSettledBytes">The heap once warm-up changes have flowed for longer than Kestrel's keep-alive.</param>
internal sealed record CircuitMemoryRun(int Pages, double BytesPerCircuit, long HeapBeforeBytes, long HeapAfterBytes, int Subscriptions,
    long HeapSettledBytes, double UpdateGrowthBytesPerCircuit, long HeapAfterUpdatesBytes, long UpdateReads);

/// <summary>
/// The fanout scenario, second half: 20 event pages open in headless Debian Chromium, each on its
/// own circuit (interactive, subscribed to live availability); the app runs in this process, so its
/// managed heap is measured directly after a full, compacting collection. Then, with the pages
/// still open, <see cref="Changes"/> availability changes of their event flow to them, and the heap
/// is measured again: an idle page that grows with every update would grow without bound.
/// </summary>
internal static class CircuitMemory
{
    public const int Pages = 20;
    public const int Changes = 1000;

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"];

    public static async Task<CircuitMemoryRun> RunAsync(BenchHost host, BenchWebApp app, string slug, bool profile)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, slug);
        var hub = app.Services.GetRequiredService<LiveAvailability>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
            Timeout = 30_000,
        });

        // One page first, kept open, so the app's one-time costs (compiled components, caches, the
        // event's live feed) are not counted per circuit. (A closed tab's circuit would stay in
        // memory for the disconnected-circuit retention period, so nothing is closed in between.)
        var contexts = new List<IBrowserContext> { await browser.NewContextAsync() };
        var firstPage = await contexts[0].NewPageAsync();
        await OpenAsync(firstPage, app, slug);
        await WaitForSubscriptionsAsync(hub, sale.EventId, 1);
        var before = HeapAfterFullCollection();
        var typesBefore = profile ? await CircuitHeapProfile.SnapshotAsync() : null;
        for (var i = 0; i < Pages; i++)
        {
            var context = await browser.NewContextAsync();
            contexts.Add(context);
            await OpenAsync(await context.NewPageAsync(), app, slug);
        }

        await WaitForSubscriptionsAsync(hub, sale.EventId, Pages + 1);
        var after = HeapAfterFullCollection();
        if (typesBefore is not null && await CircuitHeapProfile.SnapshotAsync() is { } typesAfter)
        {
            Console.Error.WriteLine(CircuitHeapProfile.Describe(typesBefore, typesAfter, Pages));
        }

        var subscriptions = hub.SubscriberCountFor(sale.EventId) - 1;

        // Warm-up changes first, for as long as Kestrel keeps the browsers' idle HTTP connections (the page's own requests) open:
        // neither the first renders' one-time costs nor those connections closing is growth (or its absence).
        var warmUp = (int)Math.Ceiling((KeepAliveTimeout(app) + TimeSpan.FromSeconds(5)) / LiveAvailability.MinInterval);
        await LiveChanges.MakeAsync(host, app, sale.EventId, sale.SessionIds[^1], 0, warmUp);
        var settled = HeapAfterFullCollection();
        var reads = await LiveChanges.MakeAsync(host, app, sale.EventId, sale.SessionIds[^1], warmUp, Changes);
        await ExpectShownAsync(firstPage, $"Only {LiveChanges.RemainingAfter(warmUp + Changes - 1)} left");
        var afterUpdates = HeapAfterFullCollection();
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        return new CircuitMemoryRun(Pages, (double)(after - before) / Pages, before, after, subscriptions,
            settled, (double)(afterUpdates - settled) / Pages, afterUpdates, reads);
    }

    private static async Task OpenAsync(IPage page, BenchWebApp app, string slug)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, $"e/{slug}").ToString());
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>The last change reached the browser: the single-session ticket of the changed night says how many are left.</summary>
    private static async Task ExpectShownAsync(IPage page, string text)
    {
        var availability = page.Locator("[data-testid=ticket-type]", new PageLocatorOptions { HasText = "Includes Night 3" })
            .Locator("[data-testid=ticket-availability]");
        await Assertions.Expect(availability).ToHaveTextAsync(text, new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
    }

    /// <summary>Subscriptions start after the first interactive render; closed pages end theirs when their circuit goes.</summary>
    private static async Task WaitForSubscriptionsAsync(LiveAvailability hub, Guid eventId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (hub.SubscriberCountFor(eventId) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static TimeSpan KeepAliveTimeout(BenchWebApp app) =>
        app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.KeepAliveTimeout;

    private static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
