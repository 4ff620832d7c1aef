using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Payments;

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
