using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Catalog;

/// <summary>
/// The search finds an event by its sessions' names as the organizer changes them: added, renamed
/// (the old name stops matching) and removed, with no step of Core's to remember.
/// </summary>
public sealed class SessionNameSearchTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("session-search");
        _managerId = (await _services.Db.AddUserAsync("manager@riverside.test")).Id;
        var organization = await _services.Db.AddOrganizationAsync("riverside", (_managerId, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "pottery-weekend", [10], new SeedTicketType("Entry", 1000, [0]));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AddedRenamedAndRemovedSessions_ChangeWhatTheSearchFinds()
    {
        _services.Caller.UserId = _managerId;
        var start = OrderingTestData.FirstSessionStart.AddDays(5);
        var added = await _services.Get<SaveSession>().AddAsync(_event.EventId, new SessionDetails("Raku firing", start, start.AddHours(3), 12));
        Assert.True(added.Succeeded);
        Assert.Equal(1, await FoundAsync("raku"));

        var renamed = await _services.Get<SaveSession>()
            .UpdateAsync(added.Value!.Id, new SessionDetails("Glaze chemistry", start, start.AddHours(3), 12));
        Assert.True(renamed.Succeeded);
        Assert.Equal(0, await FoundAsync("raku"));
        Assert.Equal(1, await FoundAsync("glaze"));

        Assert.True((await _services.Get<DeleteSession>().ExecuteAsync(added.Value.Id)).Succeeded);
        Assert.Equal(0, await FoundAsync("glaze"));
        Assert.Equal(1, await FoundAsync("pottery"));
    }

    private async Task<int> FoundAsync(string text)
    {
        _services.Caller.UserId = null;
        var found = (await _services.Get<BrowseCatalog>().SearchAsync(new CatalogQuery(Text: text))).Total;
        _services.Caller.UserId = _managerId;
        return found;
    }
}
