using EventPlatform.Core.Organizations;

namespace EventPlatform.Core.Tests.Organizations;

public class OrgRoleRulesTests
{
    /// <summary>
    /// The whole matrix, written out as docs/product.md, "Roles", states it: the chain Owner &gt;
    /// Admin &gt; Manager &gt; CheckInStaff, and Analyst as a read-only side branch that Manager
    /// and above include but CheckInStaff does not.
    /// </summary>
    public static TheoryData<OrgRole, OrgRole, bool> Matrix() => new()
    {
        // held,                required,             allowed
        { OrgRole.Owner,        OrgRole.Owner,        true },
        { OrgRole.Owner,        OrgRole.Admin,        true },
        { OrgRole.Owner,        OrgRole.Manager,      true },
        { OrgRole.Owner,        OrgRole.CheckInStaff, true },
        { OrgRole.Owner,        OrgRole.Analyst,      true },
        { OrgRole.Admin,        OrgRole.Owner,        false },
        { OrgRole.Admin,        OrgRole.Admin,        true },
        { OrgRole.Admin,        OrgRole.Manager,      true },
        { OrgRole.Admin,        OrgRole.CheckInStaff, true },
        { OrgRole.Admin,        OrgRole.Analyst,      true },
        { OrgRole.Manager,      OrgRole.Owner,        false },
        { OrgRole.Manager,      OrgRole.Admin,        false },
        { OrgRole.Manager,      OrgRole.Manager,      true },
        { OrgRole.Manager,      OrgRole.CheckInStaff, true },
        { OrgRole.Manager,      OrgRole.Analyst,      true },
        { OrgRole.CheckInStaff, OrgRole.Owner,        false },
        { OrgRole.CheckInStaff, OrgRole.Admin,        false },
        { OrgRole.CheckInStaff, OrgRole.Manager,      false },
        { OrgRole.CheckInStaff, OrgRole.CheckInStaff, true },
        { OrgRole.CheckInStaff, OrgRole.Analyst,      false },
        { OrgRole.Analyst,      OrgRole.Owner,        false },
        { OrgRole.Analyst,      OrgRole.Admin,        false },
        { OrgRole.Analyst,      OrgRole.Manager,      false },
        { OrgRole.Analyst,      OrgRole.CheckInStaff, false },
        { OrgRole.Analyst,      OrgRole.Analyst,      true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Includes_FollowsTheRoleMatrix(OrgRole held, OrgRole required, bool allowed) =>
        Assert.Equal(allowed, held.Includes(required));

    [Fact]
    public void Matrix_CoversEveryPairOfRoles()
    {
        var roles = Enum.GetValues<OrgRole>();
        Assert.Equal(roles.Length * roles.Length, Matrix().Count);
    }

    [Fact]
    public void Grant_OfPlatformAdminWithoutMembership_AllowsEverything()
    {
        var grant = new OrganizationGrant(Guid.NewGuid(), Guid.NewGuid(), Role: null, IsPlatformAdmin: true);
        Assert.All(Enum.GetValues<OrgRole>(), role => Assert.True(grant.Allows(role)));
    }
}
