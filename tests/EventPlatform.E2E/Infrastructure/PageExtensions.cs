using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Infrastructure;

public static class PageExtensions
{
    /// <summary>Waits until the page runs on its circuit (the layout renders a marker only then).</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Fails on serious or critical WCAG A/AA violations found by axe.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // Snackbars fade in: measured mid-fade their text fails contrast that it meets once shown.
        if (await page.Locator(".mud-snackbar").CountAsync() > 0)
        {
            await page.WaitForTimeoutAsync(1000);
        }

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            // The only frames are the sandboxed email previews, which run no script: axe would wait for them forever.
            Iframes = false,
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>Every page has exactly one h1 and a main landmark.</summary>
    public static async Task AssertPageStructureAsync(this IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(1, await page.Locator("main").CountAsync());
    }
}
