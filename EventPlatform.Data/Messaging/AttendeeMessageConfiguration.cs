using EventPlatform.Core.Catalog;
using EventPlatform.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Messaging;

internal sealed class AttendeeMessageConfiguration : IEntityTypeConfiguration<AttendeeMessage>
{
    public void Configure(EntityTypeBuilder<AttendeeMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Subject).HasMaxLength(AttendeeMessage.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(AttendeeMessage.BodyMaxLength);
        builder.Property(m => m.RefusedReason).HasMaxLength(500);
        // Stored by name like every enum: text[].
        builder.PrimitiveCollection(m => m.OrderStatuses).ElementType().HasConversion<string>();
        builder.HasOne<Event>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.EventId, m.CreatedAt });
        // The sending worker's query: scheduled messages by time.
        builder.HasIndex(m => new { m.Status, m.SendAt });
        // The daily limit's sum: the organization's messages sent lately.
        builder.HasIndex(m => new { m.OrganizationId, m.SentAt });
    }
}
