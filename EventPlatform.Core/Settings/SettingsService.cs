using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Settings;

/// <summary>Reads (and changes) the platform settings.</summary>
public interface ISettingsService
{
    /// <summary>The current settings; cached for a short time, refreshed at once after a change through this service.</summary>
    Task<PlatformSettings> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores one setting and drops the cache. The value is stored as given; parsing happens on read.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class SettingsService(IAppDbContextFactory dbFactory, IMemoryCache cache, ILogger<SettingsService> logger) : ISettingsService
{
    private const string CacheKey = "platform-settings";

    /// <summary>How long another instance's change may take to be seen here.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task<PlatformSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out PlatformSettings? cached) && cached is not null)
        {
            return cached;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.PlatformSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var problems = new List<string>();
        var settings = SettingKeys.Parse(rows, problems);
        foreach (var problem in problems)
        {
            logger.LogWarning("{Problem}", problem);
        }

        cache.Set(CacheKey, settings, CacheDuration);
        return settings;
    }

    /// <inheritdoc />
    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var updated = await db.PlatformSettings.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, value), cancellationToken);
        if (updated == 0)
        {
            db.PlatformSettings.Add(new PlatformSetting { Key = key, Value = value });
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Remove(CacheKey);
    }
}
