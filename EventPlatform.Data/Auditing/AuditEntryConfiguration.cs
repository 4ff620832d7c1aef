using EventPlatform.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.ActorLabel).HasMaxLength(200);
        builder.Property(a => a.TargetType).HasMaxLength(100);
        builder.Property(a => a.TargetId).HasMaxLength(100);
        builder.Property(a => a.Details).HasColumnType("jsonb");
        // Audit entries outlive users and organizations on purpose: no foreign keys.
        builder.HasIndex(a => new { a.OrganizationId, a.At });
        builder.HasIndex(a => a.At);
    }
}
