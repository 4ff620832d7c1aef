using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Catalog;

/// <summary>Every management operation on another organization's event answers "not found", and roles below Manager may not write.</summary>
public sealed class CatalogTenantIsolationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 17, 0, 0, TimeSpan.Zero);
    private CoreServices _services = default!;
    private Guid _eventOfB;
    private Guid _sessionOfB;
    private Guid _ticketTypeOfB;
    private Guid _managerOfA;
    private Guid _analystOfB;
    private Guid _staffOfB;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("catalogtenants");
        _managerOfA = (await _services.Db.AddUserAsync("manager@a.test")).Id;
        var managerOfB = (await _services.Db.AddUserAsync("manager@b.test")).Id;
        _analystOfB = (await _services.Db.AddUserAsync("analyst@b.test")).Id;
        _staffOfB = (await _services.Db.AddUserAsync("staff@b.test")).Id;
        await _services.Db.AddOrganizationAsync("org-a", (_managerOfA, OrgRole.Manager));
        var b = await _services.Db.AddOrganizationAsync("org-b", (managerOfB, OrgRole.Manager), (_analystOfB, OrgRole.Analyst),
            (_staffOfB, OrgRole.CheckInStaff));

        _services.Caller.UserId = managerOfB;
        _eventOfB = (await _services.Get<SaveEvent>()
            .CreateAsync(b.Id, new EventDetails { Title = "B's event", VenueName = "Hall", TimeZone = "UTC" })).Value;
        _sessionOfB = (await _services.Get<SaveSession>().AddAsync(_eventOfB, new SessionDetails("Night", Start, Start.AddHours(2), 50))).Value!.Id;
        _ticketTypeOfB = (await _services.Get<SaveTicketType>()
            .AddAsync(_eventOfB, new TicketTypeDetails { Name = "GA", SessionIds = [_sessionOfB] })).Value;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IEnumerable<(string Name, Func<Task> Call)> Operations()
    {
        var details = new EventDetails { Title = "Hijacked", VenueName = "Hall", TimeZone = "UTC" };
        var session = new SessionDetails("Night", Start, Start.AddHours(2), 5);
        var type = new TicketTypeDetails { Name = "Free", SessionIds = [_sessionOfB] };
        yield return ("update event", () => _services.Get<SaveEvent>().UpdateAsync(_eventOfB, details));
        yield return ("read event", () => _services.Get<GetEventForEditing>().ExecuteAsync(_eventOfB));
        yield return ("add session", () => _services.Get<SaveSession>().AddAsync(_eventOfB, session));
        yield return ("update session", () => _services.Get<SaveSession>().UpdateAsync(_sessionOfB, session));
        yield return ("delete session", () => _services.Get<DeleteSession>().ExecuteAsync(_sessionOfB));
        yield return ("add ticket type", () => _services.Get<SaveTicketType>().AddAsync(_eventOfB, type));
        yield return ("update ticket type", () => _services.Get<SaveTicketType>().UpdateAsync(_ticketTypeOfB, type));
        yield return ("delete ticket type", () => _services.Get<DeleteTicketType>().ExecuteAsync(_ticketTypeOfB));
        yield return ("publish", () => _services.Get<PublishEvent>().ExecuteAsync(_eventOfB));
        yield return ("schedule", () => _services.Get<ScheduleEvent>().ExecuteAsync(_eventOfB, Start));
        yield return ("cancel", () => _services.Get<CancelEvent>().ExecuteAsync(_eventOfB));
        yield return ("delete", () => _services.Get<DeleteEvent>().ExecuteAsync(_eventOfB));
    }

    [Fact]
    public async Task ManagerOfAnotherOrganization_GetsNotFound_ForEveryOperation()
    {
        _services.Caller.UserId = _managerOfA;
        foreach (var (name, call) in Operations())
        {
            var error = await Record.ExceptionAsync(call);
            Assert.True(error is NotFoundException, $"{name}: expected not found, got {error?.GetType().Name ?? "success"}");
        }

        var organizationOfB = await OrganizationOfBAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<ListOrganizerEvents>().ExecuteAsync(organizationOfB, null, null));
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("staff")]
    public async Task MembersBelowManager_MayNotChangeAnything(string who)
    {
        _services.Caller.UserId = who == "analyst" ? _analystOfB : _staffOfB;
        foreach (var (name, call) in Operations().Where(o => o.Name != "read event"))
        {
            var error = await Record.ExceptionAsync(call);
            Assert.True(error is AccessDeniedException, $"{name}: expected access denied, got {error?.GetType().Name ?? "success"}");
        }
    }

    [Fact]
    public async Task Analyst_MayReadTheEvent_CheckInStaffMayNot()
    {
        _services.Caller.UserId = _analystOfB;
        Assert.Equal("B's event", (await _services.Get<GetEventForEditing>().ExecuteAsync(_eventOfB)).Event.Title);
        _services.Caller.UserId = _staffOfB;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<GetEventForEditing>().ExecuteAsync(_eventOfB));
    }

    private async Task<Guid> OrganizationOfBAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        return db.Organizations.Single(o => o.Slug == "org-b").Id;
    }
}
