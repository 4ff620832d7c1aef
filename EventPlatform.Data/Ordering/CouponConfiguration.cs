using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Ordering;

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
        builder.ToTable(t =>
            t.HasCheckConstraint("ck_coupons_redeemed_within_limit", "redeemed >= 0 AND (redemption_limit IS NULL OR redeemed <= redemption_limit)"));
    }
}
