using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Organizations.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Organizations;

internal sealed class ContentPageConfiguration : IEntityTypeConfiguration<ContentPage>
{
    public void Configure(EntityTypeBuilder<ContentPage> builder)
    {
        builder.ToTable("organization_pages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(ContentPage.TitleMaxLength);
        builder.Property(p => p.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(p => p.Body).HasMaxLength(ContentPage.BodyMaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // One address per page within an organization; the save's check is friendlier, this decides a race.
        builder.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique();
    }
}
