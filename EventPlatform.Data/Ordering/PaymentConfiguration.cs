using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Ordering;

internal sealed class ProcessedPaymentEventConfiguration : IEntityTypeConfiguration<ProcessedPaymentEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedPaymentEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.PaymentIntentId).HasMaxLength(100);
    }
}

internal sealed class OrderRefundConfiguration : IEntityTypeConfiguration<OrderRefund>
{
    public void Configure(EntityTypeBuilder<OrderRefund> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.ProviderRefundId).HasMaxLength(100);
        builder.Property(r => r.PaymentIntentId).HasMaxLength(100);
        builder.Property(r => r.FailureMessage).HasMaxLength(500);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_order_refunds_positive", "amount_minor > 0"));
    }
}

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
        builder.ToTable(t => t.HasCheckConstraint("ck_simulated_intents_refund_within_amount", "amount_refunded_minor >= 0 AND amount_refunded_minor <= amount_minor"));
    }
}

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
