using EventPlatform.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Notifications;

internal sealed class OutboxEmailAttachmentConfiguration : IEntityTypeConfiguration<OutboxEmailAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxEmailAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.ContentId).HasMaxLength(200);
        builder.HasOne<OutboxEmail>().WithMany().HasForeignKey(a => a.OutboxEmailId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.OutboxEmailId);
    }
}
