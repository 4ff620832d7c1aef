using EventPlatform.Core.Catalog;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Catalog;

internal sealed class CustomerMemberConfiguration : IEntityTypeConfiguration<CustomerMember>
{
    public void Configure(EntityTypeBuilder<CustomerMember> builder)
    {
        builder.HasKey(m => new { m.OrganizationId, m.NormalizedEmail });
        builder.Property(m => m.NormalizedEmail).HasMaxLength(256);
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
