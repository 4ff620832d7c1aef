using System.Text.Json;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.HasIndex(o => o.PaymentCheckedAt).HasFilter("status IN ('Pending', 'Expired') AND payment_intent_id IS NOT NULL AND payment_closed_at IS NULL AND NOT refunded_late_payment")
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
            t.HasCheckConstraint("ck_orders_amounts", "subtotal_minor >= 0 AND discount_minor >= 0 AND discount_minor <= subtotal_minor AND fee_minor >= 0 AND total_minor >= 0 AND paid_minor >= 0");
            // The last line of defence for "refunds never exceed what was paid".
            t.HasCheckConstraint("ck_orders_refund_within_paid", "refunded_minor >= 0 AND refunded_minor <= paid_minor");
        });
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.TicketTypeName).HasMaxLength(200);
        builder.Property(t => t.AttendeeName).HasMaxLength(200);
        builder.Property(t => t.AttendeeEmail).HasMaxLength(320);
        builder.HasIndex(t => new { t.EventId, t.Status });
        builder.HasIndex(t => new { t.TicketTypeId, t.Status });
        builder.HasOne<TicketType>().WithMany().HasForeignKey(t => t.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.PaidMinor);
        builder.Property(t => t.Answers)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key.GetHashCode(StringComparison.Ordinal), kv.Value.GetHashCode(StringComparison.Ordinal))),
                    v => new Dictionary<string, string>(v)));
        builder.ToTable(t => t.HasCheckConstraint("ck_tickets_amounts", "unit_price_minor >= 0 AND discount_minor >= 0 AND discount_minor <= unit_price_minor AND fee_minor >= 0"));
    }
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => new { c.OrganizationId, c.Code }).IsUnique();
        builder.Property(c => c.Description).HasMaxLength(200);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.PercentOff).HasPrecision(5, 2);
        builder.HasOne<Core.Organizations.Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // The redemption limit, guarded in the database like capacity.
        builder.ToTable(t => t.HasCheckConstraint("ck_coupons_redeemed_within_limit", "redeemed >= 0 AND (redemption_limit IS NULL OR redeemed <= redemption_limit)"));
    }
}

internal sealed class EventQuestionConfiguration : IEntityTypeConfiguration<EventQuestion>
{
    public void Configure(EntityTypeBuilder<EventQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Label).HasMaxLength(EventQuestion.LabelMaxLength);
        builder.HasOne<Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.EventId, q.SortOrder });
    }
}
