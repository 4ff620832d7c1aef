using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Payments;

internal sealed class SimulatedWebhookEventConfiguration : IEntityTypeConfiguration<SimulatedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<SimulatedWebhookEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.LastOutcome).HasMaxLength(500);
        // The delivery worker's queue.
        builder.HasIndex(e => e.NextAttemptAt).HasFilter("delivered_at IS NULL");
    }
}
