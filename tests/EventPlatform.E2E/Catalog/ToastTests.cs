using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Catalog;

/// <summary>Toasts (MudBlazor snackbars, Hosting/Toasts.cs): where they appear, how many at once, how long they stay.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ToastTests(BrowserAppFixture fixture)
{
    /// <summary>
    /// Read in one go while the toast is up (it closes by itself): its box, and those of the page's actions that cover it,
    /// with the page at its top where the event's actions are.
    /// </summary>
    private const string ToastAndCoveredActions = """
        ([width, height]) => {
          const toasts = document.querySelectorAll('.mud-snackbar');
          if (toasts.length !== 1) return null;
          window.scrollTo(0, 0);
          const t = toasts[0].getBoundingClientRect();
          const covered = [...document.querySelectorAll('main button')]
            .filter(b => ['Cancel event', 'Delete'].includes(b.textContent.trim()))
            .filter(b => { const r = b.getBoundingClientRect();
                           return t.left < r.right && r.left < t.right && t.top < r.bottom && r.top < t.bottom; })
            .map(b => b.textContent.trim());
          return { Top: t.top, Left: t.left, Right: t.right, Bottom: t.bottom, Covered: covered.join(', '), Text: toasts[0].textContent.trim() };
        }
        """;

    [Fact]
    public async Task SavingTwice_ShowsOneToastAtTheBottom_ThatCoversNoneOfTheEventsActions_AndGoesAway()
    {
        var manager = await fixture.CreateUserAsync("tess.toast@example.com", "Tess Toast");
        var organization = await fixture.App.Db.AddOrganizationAsync("toast-org", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "toast-event", [12],
            new SeedTicketType("Standard", 2500, [0]));
        var page = await fixture.NewSignedInPageAsync("tess.toast@example.com", 1366, 900);
        await page.GotoAsync($"events/{sale.EventId}/manage");
        await page.WaitForInteractiveAsync();
        var toasts = page.Locator(".mud-snackbar");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save details" });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel event" })).ToBeVisibleAsync();

        foreach (var (width, height) in Screenshots.Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await save.ClickAsync();
            await Assertions.Expect(toasts).ToHaveCountAsync(1);
            await toasts.EvaluateAsync("t => t.dataset.first = 'yes'");
            if (width > 600)
            {
                // Beside the form's button, not on it (on phones the toast takes the bottom of the screen for a few seconds).
                var covers = await page.EvaluateAsync<bool>("""
                    () => { const t = document.querySelector('.mud-snackbar')?.getBoundingClientRect();
                            const b = [...document.querySelectorAll('button')].find(x => x.textContent.trim() === 'Save details')
                              .getBoundingClientRect();
                            return !!t && t.left < b.right && b.left < t.right && t.top < b.bottom && b.top < t.bottom; }
                    """);
                Assert.False(covers, $"the toast covers Save details at {width}×{height}");
            }

            // Saved again (from the keyboard: on a phone the toast may lie over the button): the new toast replaces the first.
            // The toast shows while the form still finishes its save with the button disabled; a key pressed then does nothing.
            await Assertions.Expect(save).ToBeEnabledAsync();
            await save.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-snackbar[data-first]")).ToHaveCountAsync(0);
            var seen = await (await page.WaitForFunctionAsync(ToastAndCoveredActions, new[] { width, height })).JsonValueAsync<ToastSeen>();
            Assert.Equal("Event saved.", seen.Text);
            Assert.True(seen.Top > height / 2.0 && seen.Bottom <= height,
                $"the toast is at the bottom at {width}×{height} ({seen.Top}–{seen.Bottom})");
            Assert.True(seen.Left >= 0 && seen.Right <= width, $"the toast fits the screen at {width}×{height}");
            Assert.True(seen.Covered.Length == 0, $"the toast covers {seen.Covered} at {width}×{height}");
            // What the screen shows (the full-page screenshots below draw the toast at the end of the page).
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"toast-in-view-{width}x{height}.png") });
        }

        await Assertions.Expect(save).ToBeEnabledAsync();
        await save.PressAsync("Enter");
        await Assertions.Expect(toasts).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "toast-event-saved");

        // A confirmation goes away by itself after a few seconds.
        await page.Mouse.MoveAsync(1, 1);
        await Assertions.Expect(toasts).ToHaveCountAsync(0, new() { Timeout = 12_000 });
    }

    private sealed class ToastSeen
    {
        public double Top { get; set; }
        public double Left { get; set; }
        public double Right { get; set; }
        public double Bottom { get; set; }
        public string Covered { get; set; } = "";
        public string Text { get; set; } = "";
    }
}
