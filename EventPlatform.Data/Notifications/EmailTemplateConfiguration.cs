using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Notifications;

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Subject).HasMaxLength(EmailTemplate.SubjectMaxLength);
        builder.Property(t => t.Heading).HasMaxLength(EmailTemplate.HeadingMaxLength);
        builder.Property(t => t.Body).HasMaxLength(EmailTemplate.BodyMaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // One wording per email and organization (none: the default).
        builder.HasIndex(t => new { t.OrganizationId, t.Kind }).IsUnique();
    }
}
