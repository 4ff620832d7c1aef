using EventPlatform.Core.Messaging;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Notifications;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Kind).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        // The worker's claim query: pending rows by due time.
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        // An order's emails, for its organizers; an order deleted with its event leaves its emails in the log.
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.OrderId);
        // A message's delivery log and the organization's email log.
        builder.HasOne<AttendeeMessage>().WithMany().HasForeignKey(e => e.AttendeeMessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.AttendeeMessageId);
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt });
        builder.HasMany(e => e.DeliveryAttempts).WithOne().HasForeignKey(a => a.OutboxEmailId).OnDelete(DeleteBehavior.Cascade);
    }
}
