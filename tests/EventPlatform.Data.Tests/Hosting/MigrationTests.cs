using EventPlatform.Core.Settings;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Hosting;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndMatchTheModel()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("migrations");
        var options = new DbContextOptionsBuilder<EventPlatformDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, connectionString);
        await using var db = new EventPlatformDbContext(options.Options);

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // A model change without a migration would make this true.
        Assert.False(db.Database.HasPendingModelChanges());

        var settings = await db.PlatformSettings.ToDictionaryAsync(s => s.Key, s => s.Value);
        Assert.Equal(SettingKeys.DefaultValues.OrderBy(kv => kv.Key), settings.OrderBy(kv => kv.Key));
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }
}
