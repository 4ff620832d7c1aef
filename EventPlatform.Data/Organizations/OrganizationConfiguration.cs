using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(60);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property<NpgsqlTypes.NpgsqlTsVector>(Catalog.SearchVectors.Column)
            .HasComputedColumnSql(Catalog.SearchVectors.OrganizationSql, stored: true);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.DefaultCurrency).HasMaxLength(3);
        builder.Property(o => o.DefaultTimeZone).HasMaxLength(64);
        builder.Property(o => o.BrandColour).HasMaxLength(7);
        builder.Property(o => o.About).HasMaxLength(5000);
        builder.Property(o => o.LogoPath).HasMaxLength(300);
        builder.Property(o => o.StripeAccountId).HasMaxLength(100);
        builder.Property(o => o.PlatformFeePercentOverride).HasPrecision(5, 2);
    }
}
