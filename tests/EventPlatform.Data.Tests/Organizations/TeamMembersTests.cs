using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Organizations.Team;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Organizations;

/// <summary>
/// The team on a real database: roles change and members go, never above the actor's own role, never
/// the last Owner (even when two Owners demote each other at once), audited, and effective at once.
/// </summary>
public sealed class TeamMembersTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private Guid _organizationId;
    private Guid _ownerId;
    private Guid _adminId;
    private Guid _managerId;
    private Guid _staffId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("team-members");
        _ownerId = (await _services.Db.AddUserAsync("owner@team.test")).Id;
        _adminId = (await _services.Db.AddUserAsync("admin@team.test")).Id;
        _managerId = (await _services.Db.AddUserAsync("manager@team.test")).Id;
        _staffId = (await _services.Db.AddUserAsync("staff@team.test")).Id;
        _organizationId = (await _services.Db.AddOrganizationAsync("team-hall", (_ownerId, OrgRole.Owner), (_adminId, OrgRole.Admin),
            (_managerId, OrgRole.Manager), (_staffId, OrgRole.CheckInStaff))).Id;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private TeamMembers Team => _services.Get<TeamMembers>();

    [Fact]
    public async Task AnAdmin_ChangesAndRemovesMembersBelow_ButNeverGivesOrTouchesOwner()
    {
        _services.Caller.UserId = _adminId;

        var view = await Team.ListAsync(_organizationId);
        var promoted = await Team.ChangeRoleAsync(_organizationId, _managerId, OrgRole.Admin);
        var toOwner = await Team.ChangeRoleAsync(_organizationId, _managerId, OrgRole.Owner);
        var demoteOwner = await Team.ChangeRoleAsync(_organizationId, _ownerId, OrgRole.Manager);
        var removeOwner = await Team.RemoveAsync(_organizationId, _ownerId);
        var removed = await Team.RemoveAsync(_organizationId, _staffId);

        Assert.Equal([OrgRole.Admin, OrgRole.Manager, OrgRole.Analyst, OrgRole.CheckInStaff], view.RolesYouMayGive);
        Assert.True(promoted.Succeeded);
        Assert.Equal(UserMessages.TeamRoleAboveYours, toOwner.ErrorFor("Role"));
        Assert.Equal(UserMessages.TeamMemberAboveYou, demoteOwner.ErrorFor(ValidationFailure.FormLevel));
        Assert.Equal(UserMessages.TeamMemberAboveYou, removeOwner.ErrorFor(ValidationFailure.FormLevel));
        Assert.True(removed.Succeeded);
        await using var db = await _services.Db.CreateAsync();
        var roles = await db.OrganizationMembers.Where(m => m.OrganizationId == _organizationId).ToDictionaryAsync(m => m.UserId, m => m.Role);
        Assert.Equal(OrgRole.Owner, roles[_ownerId]);
        Assert.Equal(OrgRole.Admin, roles[_managerId]);
        Assert.False(roles.ContainsKey(_staffId));
        var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("team.")).Select(a => a.Action).OrderBy(a => a).ToListAsync();
        Assert.Equal(["team.member_removed", "team.role_changed"], actions);

        // The removed member loses access at once.
        _services.Caller.UserId = _staffId;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<OrganizationAccess>().RequireMemberAsync(_organizationId));
    }

    [Fact]
    public async Task TheLastOwner_CannotStepDownBeRemovedOrLeave_AndOwnershipMovesExplicitly()
    {
        _services.Caller.UserId = _ownerId;

        Assert.Equal(UserMessages.TeamLastOwner, (await Team.ChangeRoleAsync(_organizationId, _ownerId, OrgRole.Admin))
            .ErrorFor(ValidationFailure.FormLevel));
        Assert.Equal(UserMessages.TeamLastOwner, (await Team.LeaveAsync(_organizationId)).ErrorFor(ValidationFailure.FormLevel));
        Assert.Equal(UserMessages.TeamLastOwner, (await Team.RemoveAsync(_organizationId, _ownerId)).ErrorFor(ValidationFailure.FormLevel));

        // Transfer: make the Admin an Owner, then step down.
        Assert.True((await Team.ChangeRoleAsync(_organizationId, _adminId, OrgRole.Owner)).Succeeded);
        Assert.True((await Team.LeaveAsync(_organizationId)).Succeeded);
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(_adminId, (await db.OrganizationMembers.SingleAsync(m => m.OrganizationId == _organizationId && m.Role == OrgRole.Owner))
            .UserId);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "team.member_left"));
    }

    [Fact]
    public async Task TwoOwnersDemotingEachOtherAtOnce_LeaveOneOwner()
    {
        _services.Caller.UserId = _ownerId;
        Assert.True((await Team.ChangeRoleAsync(_organizationId, _adminId, OrgRole.Owner)).Succeeded);

        for (var round = 0; round < 5; round++)
        {
            // Each Owner demotes the other, in parallel: the team lock makes the second see one Owner left.
            var results = await Task.WhenAll(
                Task.Run(() => AsAsync(_ownerId, () => Team.ChangeRoleAsync(_organizationId, _adminId, OrgRole.Admin))),
                Task.Run(() => AsAsync(_adminId, () => Team.ChangeRoleAsync(_organizationId, _ownerId, OrgRole.Admin))));

            Assert.Single(results, r => r.Succeeded);
            await using var db = await _services.Db.CreateAsync();
            var owner = await db.OrganizationMembers.SingleAsync(m => m.OrganizationId == _organizationId && m.Role == OrgRole.Owner);
            // The remaining Owner makes the other one Owner again for the next round.
            var other = owner.UserId == _ownerId ? _adminId : _ownerId;
            Assert.True((await AsAsync(owner.UserId, () => Team.ChangeRoleAsync(_organizationId, other, OrgRole.Owner))).Succeeded);
        }
    }

    [Fact]
    public async Task CheckInStaffAndManagers_CannotChangeTheTeam()
    {
        _services.Caller.UserId = _staffId;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Team.ListAsync(_organizationId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Team.RemoveAsync(_organizationId, _managerId));

        _services.Caller.UserId = _managerId;
        var view = await Team.ListAsync(_organizationId);
        Assert.False(view.CanManage);
        Assert.Empty(view.RolesYouMayGive);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Team.ChangeRoleAsync(_organizationId, _staffId, OrgRole.Manager));
        // Not a member of this team: nothing to change.
        _services.Caller.UserId = _adminId;
        await Assert.ThrowsAsync<NotFoundException>(() => Team.RemoveAsync(_organizationId, Guid.NewGuid()));
    }

    /// <summary>Runs <paramref name="action"/> as <paramref name="userId"/> on this async flow only (the caller is flow-local).</summary>
    private async Task<T> AsAsync<T>(Guid userId, Func<Task<T>> action)
    {
        _services.Caller.UserId = userId;
        return await action();
    }
}
