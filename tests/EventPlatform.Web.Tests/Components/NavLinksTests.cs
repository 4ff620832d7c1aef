using Bunit;
using EventPlatform.Core.Organizations;
using EventPlatform.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Components;

public sealed class NavLinksTests : WebComponentTestBase
{
    private static readonly MyOrganization Riverside = new(Guid.NewGuid(), "Riverside Arts", "riverside-arts", OrgRole.Manager);

    public NavLinksTests() =>
        Services.AddSingleton(new EventPlatform.Web.Notifications.DevMailboxPresence(new ServiceCollection().BuildServiceProvider()));

    private List<string> LinkTexts(MyOrganizationsView view) =>
        RenderOnCircuit<NavLinks>(p => p.Add(n => n.View, view)).FindAll("a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public void Anonymous_SeesOnlyPublicLinks()
    {
        AddAuthorization();
        Assert.Equal(["Events"], LinkTexts(new MyOrganizationsView([], null, false)));
    }

    [Fact]
    public void OrganizationMember_SeesTheirOrganization()
    {
        AddAuthorization().SetAuthorized("manager@example.com");
        Assert.Equal(["Events", "My tickets", "Riverside Arts", "Organizations"], LinkTexts(new MyOrganizationsView([Riverside], Riverside, false)));
    }

    [Fact]
    public void PlatformAdmin_AlsoSeesAdministration()
    {
        AddAuthorization().SetAuthorized("admin@example.com");
        Assert.Equal(["Events", "My tickets", "Organizations", "Admin"], LinkTexts(new MyOrganizationsView([], null, true)));
    }
}
