using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Common;

internal sealed class AttemptCounterConfiguration : IEntityTypeConfiguration<AttemptCounter>
{
    public void Configure(EntityTypeBuilder<AttemptCounter> builder)
    {
        builder.ToTable("attempt_counters");
        // The upsert in AttemptCounters relies on this key.
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.HasIndex(c => c.WindowStart);
    }
}
