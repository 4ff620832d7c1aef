using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Organizations;

public sealed class CreateOrganizationTests : IAsyncLifetime
{
    private CoreServices _services = default!;

    public async Task InitializeAsync() => _services = await CoreServices.CreateAsync("createorg");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Create_MakesTheCallerOwner_CurrentOrganization_AndAudits()
    {
        var user = await _services.Db.AddUserAsync("founder@example.com");
        _services.Caller.UserId = user.Id;

        var result = await _services.Get<CreateOrganization>().ExecuteAsync(new("Riverside Arts", null));

        Assert.True(result.Succeeded);
        Assert.Equal("riverside-arts", result.Value!.Slug);
        await using var db = await _services.Db.CreateAsync();
        var member = await db.OrganizationMembers.SingleAsync(m => m.OrganizationId == result.Value.Id);
        Assert.Equal((user.Id, OrgRole.Owner), (member.UserId, member.Role));
        Assert.Equal(result.Value.Id, (await db.Users.SingleAsync(u => u.Id == user.Id)).CurrentOrganizationId);
        var audit = await db.AuditEntries.SingleAsync(a => a.OrganizationId == result.Value.Id);
        Assert.Equal("organization.created", audit.Action);
        Assert.Equal(user.Id, audit.ActorUserId);
        Assert.Contains("riverside-arts", audit.Details, StringComparison.Ordinal);

        var mine = await _services.Get<MyOrganizations>().GetAsync();
        Assert.Equal(result.Value.Id, mine.Current?.Id);
        Assert.Equal(OrgRole.Owner, mine.Current?.Role);
    }

    [Theory]
    [InlineData("", "ok-slug", "Name", UserMessages.OrganizationNameLength)]
    [InlineData("X", "ok-slug", "Name", UserMessages.OrganizationNameLength)]
    [InlineData("Good name", "Bad Slug!", "Slug", UserMessages.SlugFormat)]
    [InlineData("Good name", "ab", "Slug", UserMessages.SlugFormat)]
    public async Task Create_WithBadInput_SaysWhichFieldAndChangesNothing(string name, string slug, string field, string message)
    {
        var user = await _services.Db.AddUserAsync($"bad-{Guid.NewGuid():N}@example.com");
        _services.Caller.UserId = user.Id;

        var result = await _services.Get<CreateOrganization>().ExecuteAsync(new(name, slug));

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.ErrorFor(field));
        await using var db = await _services.Db.CreateAsync();
        Assert.False(await db.OrganizationMembers.AnyAsync(m => m.UserId == user.Id));
    }

    [Fact]
    public async Task Create_WithATakenSlug_SaysSoOnTheSlugField()
    {
        var user = await _services.Db.AddUserAsync("second@example.com");
        await _services.Db.AddOrganizationAsync("taken-slug");
        _services.Caller.UserId = user.Id;

        var result = await _services.Get<CreateOrganization>().ExecuteAsync(new("Another", "taken-slug"));

        Assert.Equal(UserMessages.SlugTaken, result.ErrorFor("Slug"));
    }

    [Fact]
    public async Task Create_WhenManyPeopleRaceForOneSlug_ExactlyOneGetsIt()
    {
        var users = new List<Guid>();
        for (var i = 0; i < 16; i++)
        {
            users.Add((await _services.Db.AddUserAsync($"racer{i}@example.com")).Id);
        }

        var results = await Task.WhenAll(users.Select(userId => Task.Run(async () =>
        {
            _services.Caller.UserId = userId;
            return await _services.Get<CreateOrganization>().ExecuteAsync(new("Contested", "contested-slug"));
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(UserMessages.SlugTaken, r.ErrorFor("Slug")));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Slug == "contested-slug"));
    }

    [Fact]
    public async Task Switch_ToAnOrganizationTheCallerIsNotIn_IsRefused()
    {
        var user = await _services.Db.AddUserAsync("switcher@example.com");
        var mine = await _services.Db.AddOrganizationAsync("switch-mine", (user.Id, OrgRole.Analyst));
        var theirs = await _services.Db.AddOrganizationAsync("switch-theirs");
        _services.Caller.UserId = user.Id;

        await _services.Get<SwitchOrganization>().ExecuteAsync(mine.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<SwitchOrganization>().ExecuteAsync(theirs.Id));
        Assert.Equal(mine.Id, (await _services.Get<MyOrganizations>().GetAsync()).Current?.Id);
    }
}
