using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Ordering;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Number).HasMaxLength(20);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.AccessKey).HasMaxLength(64);
        builder.HasIndex(o => o.AccessKey).IsUnique();
        builder.Property(o => o.BuyerEmail).HasMaxLength(320);
        builder.Property(o => o.BuyerName).HasMaxLength(200);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.CouponCode).HasMaxLength(40);
        builder.Property(o => o.PaymentProvider).HasMaxLength(20);
        builder.Property(o => o.PaymentIntentId).HasMaxLength(100);
        builder.Property(o => o.PaymentFailureMessage).HasMaxLength(500);
        builder.HasIndex(o => o.PaymentIntentId);
        builder.Property(o => o.DisputeReason).HasMaxLength(100);
        builder.Property(o => o.AttentionReason).HasMaxLength(500);
        // The organization page's "needs attention" list.
        builder.HasIndex(o => new { o.OrganizationId, o.AttentionSince }).HasFilter("attention_since IS NOT NULL");
        // Reconciliation's queue: payments we have not heard the end of (PaymentReconciliationQueue).
        builder.HasIndex(o => o.PaymentCheckedAt)
            .HasFilter(
                "status IN ('Pending', 'Expired') AND payment_intent_id IS NOT NULL AND payment_closed_at IS NULL AND NOT refunded_late_payment")
            .HasDatabaseName("ix_orders_unsettled_payments");
        // Orders are never lost: an event with orders cannot be deleted.
        builder.HasOne<Event>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.EventId, o.Status, o.CreatedAt });
        builder.HasIndex(o => o.BuyerUserId);
        builder.Property(o => o.NormalizedBuyerEmail).HasMaxLength(320);
        builder.HasIndex(o => o.NormalizedBuyerEmail);
        // The hold-expiry worker's query.
        builder.HasIndex(o => o.HoldExpiresAt).HasFilter("status = 'Pending'");
        // The hold limits count open holds per device and per address and event (HoldLimits).
        builder.Property(o => o.ClientAddress).HasMaxLength(64);
        builder.Property(o => o.ClientDevice).HasMaxLength(64);
        builder.HasIndex(o => new { o.ClientAddress, o.EventId }).HasFilter("status = 'Pending' AND client_address IS NOT NULL");
        builder.HasIndex(o => o.ClientDevice).HasFilter("status = 'Pending' AND client_device IS NOT NULL");
        // At most one pending order per signed-in buyer and event (docs/product.md, "3. Ordering:
        // holds and checkout": a new selection replaces the old).
        builder.HasIndex(o => new { o.EventId, o.BuyerUserId }).IsUnique().HasFilter("status = 'Pending' AND buyer_user_id IS NOT NULL")
            .HasDatabaseName("ux_orders_one_pending_per_buyer_and_event");
        builder.HasMany(o => o.Tickets).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_orders_amounts",
                "subtotal_minor >= 0 AND discount_minor >= 0 AND discount_minor <= subtotal_minor " +
                "AND fee_minor >= 0 AND total_minor >= 0 AND paid_minor >= 0");
            // The last line of defence for "refunds never exceed what was paid".
            t.HasCheckConstraint("ck_orders_refund_within_paid", "refunded_minor >= 0 AND refunded_minor <= paid_minor");
        });
    }
}
