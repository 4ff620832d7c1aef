using System.Text.Json;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Organizations.Pages;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Organizations;

/// <summary>An organization's content pages on a real database: who may edit, what is refused, what the public sees.</summary>
public sealed class ContentPagesTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private Organization _organization = default!;
    private Organization _other = default!;
    private Guid _manager;
    private Guid _analyst;
    private Guid _staff;
    private Guid _otherOwner;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("contentpages");
        _manager = (await _services.Db.AddUserAsync("manager@pages.test")).Id;
        _analyst = (await _services.Db.AddUserAsync("analyst@pages.test")).Id;
        _staff = (await _services.Db.AddUserAsync("staff@pages.test")).Id;
        _otherOwner = (await _services.Db.AddUserAsync("owner@other.test")).Id;
        _organization = await _services.Db.AddOrganizationAsync("pages-org",
            (_manager, OrgRole.Manager), (_analyst, OrgRole.Analyst), (_staff, OrgRole.CheckInStaff));
        _other = await _services.Db.AddOrganizationAsync("other-org", (_otherOwner, OrgRole.Owner));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static ContentPageDetails Faq => new() { Title = "FAQ", Body = "**Doors** open at 7 pm.", IsPublished = true };

    private Task<CommandResult<ContentPage>> SaveAsync(ContentPageDetails details, Guid? pageId = null, Guid? organizationId = null) =>
        _services.Get<SaveContentPage>().ExecuteAsync(organizationId ?? _organization.Id, pageId, details);

    [Fact]
    public async Task Manager_CreatesAPage_WithASlugFromItsTitle_PlacedLast_AndAudited()
    {
        _services.Caller.UserId = _manager;
        var first = await SaveAsync(Faq);
        var second = await SaveAsync(new ContentPageDetails { Title = "Venue & directions", Body = "Quay Street 12" });

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(("faq", 1), (first.Value!.Slug, first.Value.SortOrder));
        Assert.Equal(("venue-directions", 2, false), (second.Value!.Slug, second.Value.SortOrder, second.Value.IsPublished));
        var list = await _services.Get<ListContentPages>().ExecuteAsync(_organization.Id);
        Assert.Equal("pages-org", list.OrganizationSlug);
        Assert.Equal(["FAQ", "Venue & directions"], list.Pages.Select(p => p.Title));

        await using var db = await _services.Db.CreateAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.TargetId == first.Value.Id.ToString());
        Assert.Equal((AuditActions.OrganizationPageCreated.Name, _manager, _organization.Id),
            (entry.Action, entry.ActorUserId, entry.OrganizationId));
        Assert.Equal("faq", JsonDocument.Parse(entry.Details!).RootElement.GetProperty("slug").GetString());
        Assert.DoesNotContain("Doors", entry.Details, StringComparison.Ordinal); // the body stays out of the log
    }

    [Fact]
    public async Task BadDetails_AreReportedPerField_AndChangeNothing()
    {
        _services.Caller.UserId = _manager;
        var saved = (await SaveAsync(Faq)).Value!;

        var tooLong = new string('x', ContentPage.BodyMaxLength + 1);
        var result = await SaveAsync(new ContentPageDetails { Title = "  ", Slug = "Bad Address!", Body = tooLong }, saved.Id);
        var reserved = await SaveAsync(Faq with { Slug = "events" }, saved.Id);
        var tooLongTitle = await SaveAsync(Faq with { Title = new string('t', ContentPage.TitleMaxLength + 1) }, saved.Id);

        Assert.Equal(UserMessages.PageTitleLength, result.ErrorFor("Title"));
        Assert.Equal(UserMessages.SlugFormat, result.ErrorFor("Slug"));
        Assert.Equal(UserMessages.PageBodyTooLong, result.ErrorFor("Body"));
        Assert.Equal(UserMessages.PageSlugReserved, reserved.ErrorFor("Slug"));
        Assert.Equal(UserMessages.PageTitleLength, tooLongTitle.ErrorFor("Title"));
        var kept = (await _services.Get<ListContentPages>().GetAsync(_organization.Id, saved.Id)).Page;
        Assert.Equal(("FAQ", "faq", "**Doors** open at 7 pm."), (kept.Title, kept.Slug, kept.Body));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.TargetId == saved.Id.ToString()));
    }

    [Fact]
    public async Task ABodyOfTheFullLength_IsSaved_AndATypedSlugIsNormalised()
    {
        _services.Caller.UserId = _manager;
        var result = await SaveAsync(Faq with { Slug = "  Questions-Answered ", Body = new string('x', ContentPage.BodyMaxLength) });

        Assert.True(result.Succeeded);
        Assert.Equal("questions-answered", result.Value!.Slug);
        var saved = (await _services.Get<ListContentPages>().GetAsync(_organization.Id, result.Value.Id)).Page;
        Assert.Equal(ContentPage.BodyMaxLength, saved.Body.Length);
    }

    [Fact]
    public async Task Slugs_AreUniquePerOrganization_NumberedWhenMadeFromATitle_AndFreeInAnotherOrganization()
    {
        _services.Caller.UserId = _manager;
        await SaveAsync(Faq);

        var typed = await SaveAsync(Faq with { Title = "Questions", Slug = "faq" });
        var fromTitle = await SaveAsync(Faq);
        Assert.Equal(UserMessages.PageSlugTaken, typed.ErrorFor("Slug"));
        Assert.Equal("faq-2", fromTitle.Value!.Slug);

        _services.Caller.UserId = _otherOwner;
        Assert.Equal("faq", (await SaveAsync(Faq, organizationId: _other.Id)).Value!.Slug);

        // The unique index decides a race the check cannot see.
        await using var db = await _services.Db.CreateAsync();
        db.ContentPages.Add(new ContentPage { Id = Guid.CreateVersion7(), OrganizationId = _organization.Id, Title = "Race", Slug = "faq" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ADraft_IsHiddenFromThePublic_UntilPublished_AndThenListedInNavigationAndSitemap()
    {
        _services.Caller.UserId = _manager;
        var draft = (await SaveAsync(Faq with { IsPublished = false })).Value!;
        var pages = _services.Get<PublicContentPages>();

        _services.Caller.UserId = null; // a visitor
        await Assert.ThrowsAsync<NotFoundException>(() => pages.GetAsync("pages-org", "faq"));
        await Assert.ThrowsAsync<NotFoundException>(() => pages.GetAsync("pages-org", "no-such-page"));
        await Assert.ThrowsAsync<NotFoundException>(() => pages.GetAsync("other-org", "faq"));
        Assert.Empty((await _services.Get<GetOrganizationPage>().ExecuteAsync("pages-org")).Pages);
        Assert.DoesNotContain(await pages.ListedAsync(), p => p.OrganizationSlug == "pages-org");

        _services.Caller.UserId = _manager;
        await _services.Get<PublishContentPage>().ExecuteAsync(_organization.Id, draft.Id, published: true);
        _services.Caller.UserId = null;

        var shown = await pages.GetAsync("pages-org", "faq");
        Assert.Equal(("FAQ", "pages-org", "**Doors** open at 7 pm."), (shown.Title, shown.OrganizationSlug, shown.Body));
        Assert.Equal([new ContentPageLink("FAQ", "faq")], shown.Navigation);
        Assert.Equal([new ContentPageLink("FAQ", "faq")], (await _services.Get<GetOrganizationPage>().ExecuteAsync("pages-org")).Pages);
        Assert.Contains(await pages.ListedAsync(), p => p is { OrganizationSlug: "pages-org", PageSlug: "faq" });

        _services.Caller.UserId = _manager;
        await _services.Get<PublishContentPage>().ExecuteAsync(_organization.Id, draft.Id, published: false);
        await Assert.ThrowsAsync<NotFoundException>(() => pages.GetAsync("pages-org", "faq"));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.TargetId == draft.Id.ToString() && a.Action == "organization_page.updated"));
    }

    [Fact]
    public async Task MovingUpAndDown_ChangesTheNavigationOrder()
    {
        _services.Caller.UserId = _manager;
        var a = (await SaveAsync(Faq with { Title = "Alpha" })).Value!;
        await SaveAsync(Faq with { Title = "Bravo" });
        var c = (await SaveAsync(Faq with { Title = "Charlie" })).Value!;
        var move = _services.Get<MoveContentPage>();

        await move.ExecuteAsync(_organization.Id, c.Id, -1);
        await move.ExecuteAsync(_organization.Id, a.Id, +1);
        await move.ExecuteAsync(_organization.Id, c.Id, -1); // already first: stays
        await move.ExecuteAsync(_organization.Id, c.Id, -1);

        var list = await _services.Get<ListContentPages>().ExecuteAsync(_organization.Id);
        Assert.Equal(["Charlie", "Alpha", "Bravo"], list.Pages.Select(p => p.Title));
        Assert.Equal([1, 2, 3], list.Pages.Select(p => p.SortOrder));
        var navigation = (await _services.Get<PublicContentPages>().GetAsync("pages-org", "alpha")).Navigation;
        Assert.Equal(["Charlie", "Alpha", "Bravo"], navigation.Select(p => p.Title));
    }

    [Fact]
    public async Task Delete_RemovesThePage_AndAuditsWhichOneItWas()
    {
        _services.Caller.UserId = _manager;
        var page = (await SaveAsync(Faq)).Value!;

        await _services.Get<DeleteContentPage>().ExecuteAsync(_organization.Id, page.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<PublicContentPages>().GetAsync("pages-org", "faq"));
        Assert.Empty((await _services.Get<ListContentPages>().ExecuteAsync(_organization.Id)).Pages);
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<DeleteContentPage>().ExecuteAsync(_organization.Id, page.Id));
        await using var db = await _services.Db.CreateAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.TargetId == page.Id.ToString() && a.Action == "organization_page.deleted");
        Assert.Equal("FAQ", JsonDocument.Parse(entry.Details!).RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("staff")]
    public async Task AnalystsAndCheckInStaff_MayNotEditOrListDrafts(string who)
    {
        _services.Caller.UserId = _manager;
        var page = (await SaveAsync(Faq)).Value!;
        _services.Caller.UserId = who == "analyst" ? _analyst : _staff;

        await AssertEveryEditRefusedAsync<AccessDeniedException>(_organization.Id, page.Id);
        Assert.Equal("FAQ", (await _services.Get<PublicContentPages>().GetAsync("pages-org", "faq")).Title); // the public page, like anyone
    }

    [Fact]
    public async Task AnotherOrganizationsOwner_CannotEditThisOnesPages_NorReachThemThroughTheirOwn()
    {
        _services.Caller.UserId = _manager;
        var page = (await SaveAsync(Faq)).Value!;
        _services.Caller.UserId = _otherOwner;

        await AssertEveryEditRefusedAsync<AccessDeniedException>(_organization.Id, page.Id);
        // Through their own organization, this organization's page id is simply not found.
        await AssertEveryEditRefusedAsync<NotFoundException>(_other.Id, page.Id, listToo: false);
        _services.Caller.UserId = _manager;
        var kept = (await _services.Get<ListContentPages>().GetAsync(_organization.Id, page.Id)).Page;
        Assert.Equal(("FAQ", true), (kept.Title, kept.IsPublished));
    }

    private async Task AssertEveryEditRefusedAsync<TException>(Guid organizationId, Guid pageId, bool listToo = true)
        where TException : Exception
    {
        if (listToo)
        {
            await Assert.ThrowsAsync<TException>(() => _services.Get<ListContentPages>().ExecuteAsync(organizationId));
        }

        await Assert.ThrowsAsync<TException>(() => _services.Get<ListContentPages>().GetAsync(organizationId, pageId));
        await Assert.ThrowsAsync<TException>(() => SaveAsync(Faq with { Title = "Hijacked" }, pageId, organizationId));
        await Assert.ThrowsAsync<TException>(() => _services.Get<PublishContentPage>().ExecuteAsync(organizationId, pageId, false));
        await Assert.ThrowsAsync<TException>(() => _services.Get<MoveContentPage>().ExecuteAsync(organizationId, pageId, 1));
        await Assert.ThrowsAsync<TException>(() => _services.Get<DeleteContentPage>().ExecuteAsync(organizationId, pageId));
    }
}
