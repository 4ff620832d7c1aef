using EventPlatform.Core.Catalog;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace EventPlatform.Data.Catalog;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Title).HasMaxLength(Event.TitleMaxLength);
        builder.Property(e => e.Slug).HasMaxLength(80);
        // Public addresses are /e/{slug}, so slugs are unique across the platform (and so within each organization).
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => e.OrganizationId);
        builder.Property(e => e.ShortDescription).HasMaxLength(Event.ShortDescriptionMaxLength);
        builder.Property(e => e.VenueName).HasMaxLength(200);
        builder.Property(e => e.VenueAddress).HasMaxLength(500);
        builder.Property(e => e.OnlineJoinUrl).HasMaxLength(1000);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.CoverImagePath).HasMaxLength(300);
        builder.Property(e => e.PassFeeToBuyer).HasDefaultValue(true).HasSentinel(true);
        builder.HasIndex(e => new { e.Status, e.Visibility });
        builder.HasIndex(e => new { e.Status, e.PublishAt });
        builder.Property<string?>(SearchVectors.SessionNamesColumn);
        builder.Property<NpgsqlTsVector>(SearchVectors.Column).HasComputedColumnSql(SearchVectors.EventSql, stored: true);
        builder.HasIndex(SearchVectors.Column).HasMethod("GIN");
        builder.HasMany(e => e.Sessions).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.TicketTypes).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
