using System.Collections.Concurrent;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Reporting;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Web;
using EventPlatform.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Live;

/// <summary>Open dashboards refresh from the live feed with one shared read per board and change, never one per dashboard.</summary>
public sealed class LiveDashboardsTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private SellableEvent _sale = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync("live-dashboards");
        var owner = await _app.Db.AddUserAsync("owner@dashboards.test");
        var organization = await _app.Db.AddOrganizationAsync("dashboards-org", (owner.Id, OrgRole.Owner));
        _sale = await _app.Db.AddSellableEventAsync(organization.Id, "dashboards-night", [100, 100],
            new SeedTicketType("Both nights", 1000, [0, 1]), new SeedTicketType("Night 2", 800, [1]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FiveOpenDashboardsOfTwoFilters_MakeTwoReadsPerChange_AndAllSeeIt()
    {
        var live = _app.Services.GetRequiredService<LiveDashboards>();
        var ticks = 0;
        using var raw = _app.Services.GetRequiredService<LiveAvailability>().Subscribe(_sale.EventId, _ =>
        {
            Interlocked.Increment(ref ticks);
            return Task.CompletedTask;
        });
        var seen = new ConcurrentDictionary<int, DashboardView>();
        var watches = Enumerable.Range(0, 5).Select(i =>
        {
            // Three dashboards of the whole event, two of the second night.
            Guid? session = i < 3 ? null : _sale.SessionIds[1];
            return live.Watch($"event:{_sale.EventId}:{session}", [_sale.EventId],
                services => services.GetRequiredService<EventDashboard>().ReadForOpenDashboardsAsync(_sale.EventId, session),
                view =>
                {
                    seen[i] = view;
                    return Task.CompletedTask;
                });
        }).ToList();
        var readsBefore = live.Reads;

        await HoldAsync("Night 2", 3);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((seen.Count < 5 || seen.Values.Any(v => v.TicketsPending != 3)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // Let any further tick (the relay's echo of the commit) arrive and be served before counting.
        await Task.Delay(LiveAvailability.MinInterval * 4);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(3, seen[i].TicketsPending));
        Assert.True(ticks >= 1);
        Assert.Equal(2L * Volatile.Read(ref ticks), live.Reads - readsBefore);

        foreach (var watch in watches)
        {
            watch.Dispose();
        }

        var readsAfterClose = live.Reads;
        await HoldAsync("Both nights", 1);
        await Task.Delay(LiveAvailability.MinInterval * 4);
        Assert.Equal(readsAfterClose, live.Reads);
    }

    private async Task HoldAsync(string type, int quantity)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var hold = await scope.ServiceProvider.GetRequiredService<PlaceHold>()
            .ExecuteAsync(new HoldRequest(_sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds[type]] = quantity }));
        Assert.True(hold.Succeeded, string.Join("; ", hold.Errors.Select(e => e.Message)));
    }
}
