using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Organizations;

public sealed class OrganizationProfileTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private Organization _organization = default!;
    private Guid _admin;
    private Guid _manager;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("orgprofile");
        _admin = (await _services.Db.AddUserAsync("admin@org.test")).Id;
        _manager = (await _services.Db.AddUserAsync("manager@org.test")).Id;
        _organization = await _services.Db.AddOrganizationAsync("profile-org", (_admin, OrgRole.Admin), (_manager, OrgRole.Manager));
        await _services.Db.AddOrganizationAsync("taken-address");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static OrganizationProfileDetails Valid => new()
    {
        Name = "Riverside Arts", Slug = "riverside-arts", ContactEmail = "hello@riverside.test", DefaultCurrency = "gbp",
        DefaultTimeZone = "Europe/London", BrandColour = "#0d9488", About = "We **make** things.",
    };

    [Fact]
    public async Task Admin_ChangesTheSettings_AndThePublicPageShowsThem()
    {
        _services.Caller.UserId = _admin;
        Assert.True((await _services.Get<OrganizationProfile>().UpdateAsync(_organization.Id, Valid)).Succeeded);

        var saved = await _services.Get<OrganizationProfile>().GetAsync(_organization.Id);
        Assert.Equal(("GBP", "#0D9488", "riverside-arts"), (saved.DefaultCurrency, saved.BrandColour, saved.Slug));
        var page = await _services.Get<GetOrganizationPage>().ExecuteAsync("riverside-arts");
        Assert.Equal("Riverside Arts", page.Name);
        Assert.Equal("We **make** things.", page.About);
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<GetOrganizationPage>().ExecuteAsync("profile-org"));
    }

    [Fact]
    public async Task BadSettings_AreReportedPerField_AndChangeNothing()
    {
        _services.Caller.UserId = _admin;
        var result = await _services.Get<OrganizationProfile>().UpdateAsync(_organization.Id, Valid with
        {
            Name = "X", Slug = "taken-address", ContactEmail = "not an email", DefaultCurrency = "euro", DefaultTimeZone = "Nowhere/Land",
                BrandColour = "red",
        });

        Assert.Equal(UserMessages.OrganizationNameLength, result.ErrorFor("Name"));
        Assert.Equal(UserMessages.SlugTaken, result.ErrorFor("Slug"));
        Assert.Equal(UserMessages.ContactEmailInvalid, result.ErrorFor("ContactEmail"));
        Assert.Equal(UserMessages.CurrencyInvalid, result.ErrorFor("DefaultCurrency"));
        Assert.Equal(UserMessages.TimeZoneUnknown, result.ErrorFor("DefaultTimeZone"));
        Assert.Equal(UserMessages.BrandColourInvalid, result.ErrorFor("BrandColour"));
        Assert.Equal("profile-org", (await _services.Get<OrganizationProfile>().GetAsync(_organization.Id)).Slug);
    }

    [Fact]
    public async Task Manager_MayNotChangeSettings_ButKeepsTheMemberList()
    {
        _services.Caller.UserId = _manager;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<OrganizationProfile>().UpdateAsync(_organization.Id, Valid));

        var members = _services.Get<CustomerMembers>();
        Assert.True((await members.AddAsync(_organization.Id, "Ann@Example.com")).Succeeded);
        Assert.Equal(UserMessages.MemberAlreadyListed, (await members.AddAsync(_organization.Id, "ann@example.COM")).ErrorFor("Email"));
        Assert.Equal(UserMessages.MemberEmailInvalid, (await members.AddAsync(_organization.Id, "ann at example")).ErrorFor("Email"));
        Assert.Equal(["Ann@Example.com"], (await members.ListAsync(_organization.Id)).Select(m => m.Email));

        await members.RemoveAsync(_organization.Id, "ANN@EXAMPLE.COM");
        Assert.Empty(await members.ListAsync(_organization.Id));
    }

    [Fact]
    public async Task MemberList_OfAnotherOrganization_IsRefused()
    {
        var outsider = (await _services.Db.AddUserAsync("outsider@else.test")).Id;
        await _services.Db.AddOrganizationAsync("elsewhere", (outsider, OrgRole.Owner));
        _services.Caller.UserId = outsider;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<CustomerMembers>().ListAsync(_organization.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<CustomerMembers>().AddAsync(_organization.Id, "x@y.z"));
    }
}
