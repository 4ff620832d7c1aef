using EventPlatform.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Notifications;

internal sealed class EmailDeliveryAttemptConfiguration : IEntityTypeConfiguration<EmailDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<EmailDeliveryAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Transport).HasMaxLength(40);
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.HasIndex(a => a.AttemptedAt);
    }
}
