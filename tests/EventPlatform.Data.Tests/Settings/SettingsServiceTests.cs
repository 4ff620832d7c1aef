using EventPlatform.Core.Settings;
using EventPlatform.TestSupport;

namespace EventPlatform.Data.Tests.Settings;

public sealed class SettingsServiceTests : IAsyncLifetime
{
    private CoreServices _services = default!;

    public async Task InitializeAsync() => _services = await CoreServices.CreateAsync("settings");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task FreshDatabase_HasTheDefaults()
    {
        Assert.Equal(PlatformSettings.Defaults, await _services.Get<ISettingsService>().GetAsync());
    }

    [Fact]
    public async Task Set_IsSeenAtOnceThroughTheService()
    {
        var settings = _services.Get<ISettingsService>();
        await settings.GetAsync();

        await settings.SetAsync(SettingKeys.MagicLinkExpiryMinutes, "30");
        await settings.SetAsync(SettingKeys.BrandName, "Riverside Tickets");

        var current = await settings.GetAsync();
        Assert.Equal(TimeSpan.FromMinutes(30), current.MagicLinkExpiry);
        Assert.Equal("Riverside Tickets", current.BrandName);
    }
}
