using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Payments;

internal sealed class SimulatedRefundConfiguration : IEntityTypeConfiguration<SimulatedRefund>
{
    public void Configure(EntityTypeBuilder<SimulatedRefund> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(100);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.Property(r => r.PaymentIntentId).HasMaxLength(100);
        builder.HasIndex(r => r.PaymentIntentId);
    }
}
