namespace EventPlatform.Core.Organizations;

/// <summary>
/// Roles inside one organization. Owner &gt; Admin &gt; Manager &gt; CheckInStaff form a chain where a
/// higher role includes every right of the lower ones; Analyst is a read-only side branch.
/// </summary>
public enum OrgRole
{
    /// <summary>Check-in and attendee look-up only.</summary>
    CheckInStaff,
    /// <summary>Read-only: dashboards, reports, exports.</summary>
    Analyst,
    /// <summary>Events, ticketing, orders, refunds (and everything an Analyst and CheckInStaff may).</summary>
    Manager,
    /// <summary>Team and organization settings, plus everything a Manager may.</summary>
    Admin,
    /// <summary>Everything, including ownership of the organization.</summary>
    Owner,
}

/// <summary>The one rule for "does this role include that one".</summary>
public static class OrgRoleRules
{
    /// <summary>
    /// True when a member holding <paramref name="held"/> may do what requires <paramref name="required"/>.
    /// </summary>
    /// <remarks>
    /// The chain CheckInStaff &lt; Manager &lt; Admin &lt; Owner is ordered by rank. Analyst sits beside the
    /// chain: it satisfies only Analyst, and Analyst (read-only) is satisfied by Analyst and by
    /// Manager or above — but not by CheckInStaff, who may not read dashboards.
    /// </remarks>
    public static bool Includes(this OrgRole held, OrgRole required) => (held, required) switch
    {
        (_, _) when held == required => true,
        (OrgRole.Analyst, _) => false,
        (OrgRole.CheckInStaff, _) => false,
        (_, OrgRole.Analyst) => Rank(held) >= Rank(OrgRole.Manager),
        _ => Rank(held) >= Rank(required),
    };

    /// <summary>A short, human description used in the team list and role pickers.</summary>
    public static string Describe(this OrgRole role) => role switch
    {
        OrgRole.Owner => "Owner — everything, including the organization itself",
        OrgRole.Admin => "Admin — team and settings, plus events and orders",
        OrgRole.Manager => "Manager — events, ticketing, orders and refunds",
        OrgRole.CheckInStaff => "Check-in staff — check-in and attendee look-up",
        OrgRole.Analyst => "Analyst — read-only dashboards, reports and exports",
    };

    private static int Rank(OrgRole role) => role switch
    {
        OrgRole.CheckInStaff => 1,
        OrgRole.Analyst => 1,
        OrgRole.Manager => 2,
        OrgRole.Admin => 3,
        OrgRole.Owner => 4,
    };
}
