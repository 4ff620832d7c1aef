using EventPlatform.Web.Live;
using Microsoft.Playwright;

namespace EventPlatform.Bench;

/// <param name="BytesPerCircuit">Growth of the server's managed heap (after a full collection) per open event page.</param>
internal sealed record CircuitMemoryRun(int Pages, double BytesPerCircuit, long HeapBeforeBytes, long HeapAfterBytes, int Subscriptions);

/// <summary>
/// The fanout scenario, second half: 20 event pages open in headless Debian Chromium, each on its
/// own circuit (interactive, subscribed to live availability); the app runs in this process, so its
/// managed heap is measured directly after a full, compacting collection.
/// </summary>
internal static class CircuitMemory
{
    public const int Pages = 20;

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"];

    public static async Task<CircuitMemoryRun> RunAsync(BenchHost host, BenchWebApp app, string slug)
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
        await OpenAsync(await contexts[0].NewPageAsync(), app, slug);
        await WaitForSubscriptionsAsync(hub, sale.EventId, 1);
        var before = HeapAfterFullCollection();
        for (var i = 0; i < Pages; i++)
        {
            var context = await browser.NewContextAsync();
            contexts.Add(context);
            await OpenAsync(await context.NewPageAsync(), app, slug);
        }

        await WaitForSubscriptionsAsync(hub, sale.EventId, Pages + 1);
        var after = HeapAfterFullCollection();
        var subscriptions = hub.SubscriberCountFor(sale.EventId) - 1;
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        return new CircuitMemoryRun(Pages, (double)(after - before) / Pages, before, after, subscriptions);
    }

    private static async Task OpenAsync(IPage page, BenchWebApp app, string slug)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, $"e/{slug}").ToString());
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
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

    private static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
