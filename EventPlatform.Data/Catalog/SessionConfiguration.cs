using EventPlatform.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Catalog;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(200);
        // Codes are never reused within an event; the database keeps them unique too.
        builder.HasIndex(s => new { s.EventId, s.Code }).IsUnique();
        builder.HasIndex(s => s.StartsAt);
        builder.Ignore(s => s.Counters);
        // The capacity rule lives in the database as well as in the use cases: no update can oversell.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_sessions_capacity_positive", "capacity >= 1");
            t.HasCheckConstraint("ck_sessions_counters_within_capacity", "taken >= 0 AND taken <= capacity");
            t.HasCheckConstraint("ck_sessions_end_after_start", "ends_at > starts_at");
        });
    }
}
