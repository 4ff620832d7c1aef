using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Settings;

internal sealed class PlatformSettingConfiguration : IEntityTypeConfiguration<PlatformSetting>
{
    public void Configure(EntityTypeBuilder<PlatformSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(2000);
        // The defaults (docs/product.md, "8. Administration") are part of the schema: a fresh
        // database has them.
        builder.HasData(SettingKeys.DefaultValues.Select(kv => new PlatformSetting { Key = kv.Key, Value = kv.Value }));
    }
}
