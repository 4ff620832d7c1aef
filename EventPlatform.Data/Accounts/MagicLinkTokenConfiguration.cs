using EventPlatform.Core.Accounts;
using EventPlatform.Core.Accounts.MagicLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Accounts;

internal sealed class MagicLinkTokenConfiguration : IEntityTypeConfiguration<MagicLinkToken>
{
    public void Configure(EntityTypeBuilder<MagicLinkToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.ReturnUrl).HasMaxLength(500);
        builder.Property(t => t.Email).HasMaxLength(MagicLinkToken.EmailMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_magic_link_tokens_user_or_email", "user_id IS NOT NULL OR email IS NOT NULL"));
    }
}
