using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Storage;
using EventPlatform.Data.Storage;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Storage;

/// <summary>Cover uploads through the use case onto the real local-disk storage.</summary>
public sealed class EventCoverTests : IAsyncLifetime
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ep-files-" + Guid.NewGuid().ToString("N")[..8]);
    private CoreServices _services = default!;
    private Guid _eventId;
    private Guid _outsider;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("covers", s => s.AddSingleton<IFileStorage>(new LocalDiskFileStorage(_folder)));
        var manager = (await _services.Db.AddUserAsync("manager@covers.test")).Id;
        _outsider = (await _services.Db.AddUserAsync("outsider@covers.test")).Id;
        var organization = await _services.Db.AddOrganizationAsync("covers", (manager, OrgRole.Manager));
        await _services.Db.AddOrganizationAsync("elsewhere-covers", (_outsider, OrgRole.Owner));
        _services.Caller.UserId = manager;
        _eventId = (await _services.Get<SaveEvent>()
            .CreateAsync(organization.Id, new EventDetails { Title = "Covered", VenueName = "Hall", TimeZone = "UTC" })).Value;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static MemoryStream Png(int size)
    {
        var bytes = new byte[size];
        PngHeader.CopyTo(bytes, 0);
        return new MemoryStream(bytes);
    }

    private async Task<string?> CoverPathAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.Events.Where(e => e.Id == _eventId).Select(e => e.CoverImagePath).SingleAsync();
    }

    [Fact]
    public async Task Upload_StoresTheImage_AndReplacingItRemovesTheOldFile()
    {
        var first = await _services.Get<SetEventCover>().UploadAsync(_eventId, Png(1000));
        var second = await _services.Get<SetEventCover>().UploadAsync(_eventId, Png(2000));

        Assert.True(second.Succeeded);
        Assert.EndsWith(".png", second.Value, StringComparison.Ordinal);
        Assert.Equal(second.Value, await CoverPathAsync());
        Assert.False(File.Exists(Path.Combine(_folder, first.Value!)));
        Assert.Equal(2000, new FileInfo(Path.Combine(_folder, second.Value!)).Length);
    }

    [Fact]
    public async Task Upload_OfSomethingElseNamedLikeAnImage_IsRefused_AndChangesNothing()
    {
        var result = await _services.Get<SetEventCover>().UploadAsync(_eventId, new MemoryStream("<svg onload=alert(1)>"u8.ToArray()));
        Assert.Equal(UserMessages.CoverWrongType, result.ErrorFor("CoverImage"));
        Assert.Null(await CoverPathAsync());
    }

    [Fact]
    public async Task Upload_OverFiveMegabytes_IsRefused()
    {
        var result = await _services.Get<SetEventCover>().UploadAsync(_eventId, Png((int)SetEventCover.MaxBytes + 1));
        Assert.Equal(UserMessages.CoverTooLarge, result.ErrorFor("CoverImage"));
        Assert.Null(await CoverPathAsync());
    }

    [Fact]
    public async Task Upload_ToAnotherOrganizationsEvent_IsNotFound()
    {
        _services.Caller.UserId = _outsider;
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<SetEventCover>().UploadAsync(_eventId, Png(100)));
    }

    [Fact]
    public async Task OrganizationLogo_IsStoredForAdmins_AndRefusedToManagers()
    {
        var admin = (await _services.Db.AddUserAsync("admin@logo.test")).Id;
        var manager = (await _services.Db.AddUserAsync("manager@logo.test")).Id;
        var organization = await _services.Db.AddOrganizationAsync("logo-org", (admin, OrgRole.Admin), (manager, OrgRole.Manager));

        _services.Caller.UserId = manager;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _services.Get<OrganizationProfile>().SetLogoAsync(organization.Id, Png(100)));

        _services.Caller.UserId = admin;
        var saved = await _services.Get<OrganizationProfile>().SetLogoAsync(organization.Id, Png(100));
        Assert.True(File.Exists(Path.Combine(_folder, saved.Value!)));
        Assert.Equal(saved.Value, (await _services.Get<OrganizationProfile>().GetAsync(organization.Id)).LogoPath);
        Assert.Equal(UserMessages.CoverWrongType,
            (await _services.Get<OrganizationProfile>().SetLogoAsync(organization.Id, new MemoryStream([1, 2, 3]))).ErrorFor("Logo"));
    }

    [Theory]
    [InlineData("../secrets.png")]
    [InlineData("events/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("events\\x.png")]
    public void Storage_RefusesPathsOutsideItsFolder(string path) =>
        Assert.Null(new LocalDiskFileStorage(_folder).Resolve(path));
}
