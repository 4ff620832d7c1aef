using Microsoft.Playwright;

namespace EventPlatform.E2E.Infrastructure;

/// <summary>Saves full-page screenshots under TestResults/screenshots at the repository root, to be looked at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

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
