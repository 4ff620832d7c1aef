using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.CheckIn;

internal sealed class KioskConfiguration : IEntityTypeConfiguration<Kiosk>
{
    public void Configure(EntityTypeBuilder<Kiosk> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.StationName).HasMaxLength(100);
        builder.Property(k => k.TokenHash).HasMaxLength(64);
        builder.Property(k => k.BoundDevice).HasMaxLength(64);
        builder.HasIndex(k => k.TokenHash).IsUnique();
        builder.HasIndex(k => k.EventId);
        builder.HasOne<Event>().WithMany().HasForeignKey(k => k.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
