using Microsoft.Playwright;

namespace EventPlatform.E2E.Infrastructure;

/// <summary>Saves full-page screenshots under TestResults/screenshots at the repository root, to be looked at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

    /// <summary>The viewports every page is looked at in: laptop, tablet landscape, tablet portrait, phone.</summary>
    public static IReadOnlyList<(int Width, int Height)> Viewports { get; } = [(1366, 900), (1180, 820), (820, 1180), (390, 844)];

    /// <summary>
    /// Saves <c>{name}-{width}x{height}.png</c> at each of <see cref="Viewports"/>, after checking that
    /// nothing makes the page scroll sideways there (a layout that does not fit the screen).
    /// </summary>
    public static async Task AtEveryViewportAsync(IPage page, string name)
    {
        var original = page.ViewportSize;
        foreach (var (width, height) in Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150); // MudBlazor's breakpoint listener re-renders after a resize
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px at {width}×{height}");
            await SaveAsync(page, $"{name}-{width}x{height}");
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
