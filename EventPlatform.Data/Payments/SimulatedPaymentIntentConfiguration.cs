using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Payments;

internal sealed class SimulatedPaymentIntentConfiguration : IEntityTypeConfiguration<SimulatedPaymentIntent>
{
    public void Configure(EntityTypeBuilder<SimulatedPaymentIntent> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(100);
        builder.Property(i => i.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(i => i.IdempotencyKey).IsUnique();
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.DestinationAccountId).HasMaxLength(100);
        builder.Property(i => i.LastFailureCode).HasMaxLength(100);
        builder.Property(i => i.LastFailureMessage).HasMaxLength(500);
        builder.ToTable(t =>
            t.HasCheckConstraint("ck_simulated_intents_refund_within_amount",
                "amount_refunded_minor >= 0 AND amount_refunded_minor <= amount_minor"));
    }
}
