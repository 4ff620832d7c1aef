using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Organizations;

[Collection(BrowserCollection.Name)]
public sealed class OrganizationTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task SignedInUser_CreatesAnOrganization_AndBecomesItsOwner()
    {
        await fixture.CreateUserAsync("olive.founder@example.com", "Olive Founder");
        var page = await fixture.NewSignedInPageAsync("olive.founder@example.com");

        await page.GotoAsync("organizations/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Organization name").FillAsync("Olive's Pottery Classes");
        await Assertions.Expect(page.GetByLabel("Web address")).ToHaveValueAsync("olive-s-pottery-classes");
        await page.GetByLabel("Web address").FillAsync("Bad Address!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Use 3 to 60 lower-case letters")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "organization-new-validation");

        await page.GetByLabel("Web address").FillAsync("olive-pottery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Olive's Pottery Classes", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=my-role]")).ToHaveTextAsync("Owner");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Olive's Pottery Classes" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "organization-home");
    }

    [Fact]
    public async Task MemberOfTwoOrganizations_SwitchesBetweenThem_AndCannotOpenAThirdOnesPage()
    {
        var user = await fixture.CreateUserAsync("sven.switch@example.com", "Sven Switch");
        var first = await fixture.App.Db.AddOrganizationAsync("sven-first", (user.Id, OrgRole.Manager));
        var second = await fixture.App.Db.AddOrganizationAsync("sven-second", (user.Id, OrgRole.Analyst));
        var foreign = await fixture.App.Db.AddOrganizationAsync("not-svens");
        var page = await fixture.NewSignedInPageAsync("sven.switch@example.com", 820, 1180);

        await page.GotoAsync("organizations");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open sven-second" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=my-role]")).ToHaveTextAsync("Analyst");
        await Assertions.Expect(page).ToHaveURLAsync($"{fixture.BaseAddress}org/{second.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch organization" }).ClickAsync();
        await page.GetByText("sven-first").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=my-role]")).ToHaveTextAsync("Manager");
        await Screenshots.SaveAsync(page, "organization-switched-tablet");

        // Another organization's page is "not found", exactly like one that does not exist.
        var response = await page.GotoAsync($"org/{foreign.Id}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that page" })).ToBeVisibleAsync();
        await page.GotoAsync($"org/{Guid.NewGuid()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that page" })).ToBeVisibleAsync();
        Assert.NotEqual(first.Id, foreign.Id);
    }
}
