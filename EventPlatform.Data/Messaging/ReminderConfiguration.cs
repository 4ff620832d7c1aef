using EventPlatform.Core.Catalog;
using EventPlatform.Core.Messaging.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Messaging;

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.EventId);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Email).HasMaxLength(320);
        builder.HasOne<ReminderRule>().WithMany().HasForeignKey(d => d.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        // The exactly-once guard: a second pass (or a second worker) inserts nothing for the same reminder.
        builder.HasIndex(d => new { d.RuleId, d.SessionId, d.Email }).IsUnique();
    }
}
