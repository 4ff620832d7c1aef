using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Catalog;

/// <summary>
/// HTML an organizer pastes into a description renders when it is on the safe list and is removed
/// when it is not, never printed as tags; the editor's preview shows exactly the public page's text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventDescriptionTests(BrowserAppFixture fixture)
{
    private const string Pasted = "Doors at <b>7 pm</b>, <i>sharp</i>.<script>window.pwned = true</script>\n\n" +
        "<img src=\"https://tracker.example/pixel.png\" alt=\"tracker\">Bring **cash**.";

    [Fact]
    public async Task PastedHtml_RendersInThePreviewAndOnThePublicPage_WithoutTheUnsafeParts()
    {
        var manager = await fixture.CreateUserAsync("hana.html@example.com", "Hana Html");
        var organization = await fixture.App.Db.AddOrganizationAsync("html-hall", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "html-night", [20], new SeedTicketType("Entry", 1000, [0]));
        var page = await fixture.NewSignedInPageAsync("hana.html@example.com", 1280, 900);

        await page.GotoAsync($"events/{sale.EventId}/manage/details");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(Pasted);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        var preview = page.Locator("[data-testid=description-preview]");
        await Assertions.Expect(preview.Locator("b")).ToHaveTextAsync("7 pm");
        await Assertions.Expect(preview).Not.ToContainTextAsync("<b>");
        await Assertions.Expect(preview.Locator("img, script")).ToHaveCountAsync(0);
        var previewText = await preview.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Event saved.")).ToBeVisibleAsync();

        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        var description = page.Locator(".ep-markdown");
        await Assertions.Expect(description.Locator("b")).ToHaveTextAsync("7 pm");
        await Assertions.Expect(description.Locator("strong")).ToHaveTextAsync("cash");
        await Assertions.Expect(description.Locator("img, script")).ToHaveCountAsync(0);
        Assert.Equal(previewText, await description.InnerTextAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.pwned === true"));
        await Screenshots.AtEveryViewportAsync(page, "event-description-html");
    }
}
