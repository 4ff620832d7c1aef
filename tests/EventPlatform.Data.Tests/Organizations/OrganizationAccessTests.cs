using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Organizations;

public sealed class OrganizationAccessTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private OrganizationAccess Access => _services.Get<OrganizationAccess>();

    public async Task InitializeAsync() => _services = await CoreServices.CreateAsync("access");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task MemberOfA_IsRefusedOnB_ForEveryRoleTheyHoldInA()
    {
        foreach (var role in Enum.GetValues<OrgRole>())
        {
            var member = await _services.Db.AddUserAsync($"{role}-a@example.com");
            await _services.Db.AddOrganizationAsync($"a-{role.ToString().ToLowerInvariant()}", (member.Id, role));
            var organizationB = await _services.Db.AddOrganizationAsync($"b-{role.ToString().ToLowerInvariant()}");
            _services.Caller.UserId = member.Id;

            foreach (var required in Enum.GetValues<OrgRole>())
            {
                var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Access.RequireAsync(organizationB.Id, required));
                Assert.Equal(UserMessages.NotAMember, denied.Message);
            }

            await Assert.ThrowsAsync<AccessDeniedException>(() => Access.RequireMemberAsync(organizationB.Id));
            Assert.Null(await Access.FindGrantAsync(organizationB.Id));
        }
    }

    [Fact]
    public async Task EachRole_GetsExactlyItsRights_InItsOwnOrganization()
    {
        foreach (var held in Enum.GetValues<OrgRole>())
        {
            var member = await _services.Db.AddUserAsync($"{held}-matrix@example.com");
            var organization = await _services.Db.AddOrganizationAsync($"matrix-{held.ToString().ToLowerInvariant()}", (member.Id, held));
            _services.Caller.UserId = member.Id;

            foreach (var required in Enum.GetValues<OrgRole>())
            {
                if (held.Includes(required))
                {
                    var grant = await Access.RequireAsync(organization.Id, required);
                    Assert.Equal(held, grant.Role);
                }
                else
                {
                    var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Access.RequireAsync(organization.Id, required));
                    Assert.Equal(UserMessages.RoleTooLow, denied.Message);
                }
            }
        }
    }

    [Fact]
    public async Task Anonymous_IsRefusedEverywhere()
    {
        var organization = await _services.Db.AddOrganizationAsync("anonymous-test");
        _services.Caller.UserId = null;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Access.RequireAsync(organization.Id, OrgRole.CheckInStaff));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Access.RequirePlatformAdminAsync());
    }

    [Fact]
    public async Task PlatformAdmin_MayActInAnyOrganization_WithoutMembership()
    {
        var admin = await _services.Db.AddUserAsync("platform-admin@example.com");
        await _services.Db.MakePlatformAdminAsync(admin.Id);
        var organization = await _services.Db.AddOrganizationAsync("admin-test");
        _services.Caller.UserId = admin.Id;

        var grant = await Access.RequireAsync(organization.Id, OrgRole.Owner);
        Assert.True(grant.IsPlatformAdmin);
        Assert.Null(grant.Role);
        Assert.Equal(admin.Id, await Access.RequirePlatformAdminAsync());
    }

    [Fact]
    public async Task RemovedMember_LosesAccessAtOnce()
    {
        var member = await _services.Db.AddUserAsync("soon-gone@example.com");
        var organization = await _services.Db.AddOrganizationAsync("removal-test", (member.Id, OrgRole.Manager));
        _services.Caller.UserId = member.Id;
        await Access.RequireAsync(organization.Id, OrgRole.Manager);

        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OrganizationMembers.Where(m => m.UserId == member.Id).ExecuteDeleteAsync();
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => Access.RequireAsync(organization.Id, OrgRole.Manager));
    }

    [Fact]
    public async Task Overview_OfAnotherOrganization_IsRefused_AndOfOwnListsTheTeam()
    {
        var owner = await _services.Db.AddUserAsync("owner-overview@example.com", displayName: "Olga Owner");
        var staff = await _services.Db.AddUserAsync("staff-overview@example.com");
        var own = await _services.Db.AddOrganizationAsync("own-overview", (owner.Id, OrgRole.Owner), (staff.Id, OrgRole.CheckInStaff));
        var other = await _services.Db.AddOrganizationAsync("other-overview");
        _services.Caller.UserId = staff.Id;

        var overview = await _services.Get<GetOrganizationOverview>().ExecuteAsync(own.Id);
        Assert.Equal(OrgRole.CheckInStaff, overview.MyRole);
        Assert.Equal(["Olga Owner", "staff-overview@example.com"], overview.Team.Select(m => m.Name));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<GetOrganizationOverview>().ExecuteAsync(other.Id));
    }
}
