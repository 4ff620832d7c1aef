using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace EventPlatform.E2E.Ordering;

/// <summary>
/// Lock contention in the browser: while another transaction holds the hot session row past the
/// purchase's lock timeout, the buyer is told "busy, try again" next to the quantities (not an
/// error page), and the next try, once the row is free, reaches checkout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LockContentionJourneyTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AHotRowLockedPastTheTimeout_SaysBusy_AndTheNextTrySucceeds()
    {
        var owner = await fixture.CreateUserAsync("owner.contention@example.com");
        var organization = await fixture.App.Db.AddOrganizationAsync("contention-org", (owner.Id, OrgRole.Owner));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "contention-night", [100], new SeedTicketType("Day", 3000, [0]));
        var page = await fixture.NewPageAsync(1366, 900);
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Quantity of Day").SelectOptionAsync("2");

        // Someone else's long transaction holds the session row (as a slow purchase or a stuck report would).
        await using (var blocker = new NpgsqlConnection(fixture.App.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM sessions WHERE id = @id FOR UPDATE", blocker, transaction))
            {
                lockRow.Parameters.AddWithValue("id", sale.SessionIds[0]);
                await lockRow.ExecuteScalarAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            // The purchase waits up to its 5-second lock timeout, then gives up cleanly.
            await Assertions.Expect(page.Locator("[data-testid=hold-error]")).ToHaveTextAsync(UserMessages.Busy, new() { Timeout = 20_000 });
            await Screenshots.SaveAsync(page, "hold-busy-desktop");
            await transaction.RollbackAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
    }
}
