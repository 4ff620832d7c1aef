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
        builder.Property<NpgsqlTsVector>(SearchVectors.Column).HasComputedColumnSql(SearchVectors.EventSql, stored: true);
        builder.HasIndex(SearchVectors.Column).HasMethod("GIN");
        builder.HasMany(e => e.Sessions).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.TicketTypes).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(200);
        // Codes are never reused within an event; the database keeps them unique too.
        builder.HasIndex(s => new { s.EventId, s.Code }).IsUnique();
        builder.HasIndex(s => s.StartsAt);
        builder.Ignore(s => s.Counters);
        // The capacity rule lives in the database as well as in the use cases: no update can oversell.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_sessions_capacity_positive", "capacity >= 1");
            t.HasCheckConstraint("ck_sessions_counters_within_capacity", "sold >= 0 AND held >= 0 AND sold + held <= capacity");
            t.HasCheckConstraint("ck_sessions_end_after_start", "ends_at > starts_at");
        });
    }
}

internal sealed class TicketTypeConfiguration : IEntityTypeConfiguration<TicketType>
{
    public void Configure(EntityTypeBuilder<TicketType> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.Currency).HasMaxLength(3);
        builder.Ignore(t => t.Price);
        builder.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.TicketTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_ticket_types_counters_within_cap", "sold >= 0 AND held >= 0 AND (quantity_cap IS NULL OR sold + held <= quantity_cap)");
            t.HasCheckConstraint("ck_ticket_types_prices_not_negative", "price_minor >= 0 AND (member_price_minor IS NULL OR member_price_minor >= 0) AND (early_bird_price_minor IS NULL OR early_bird_price_minor >= 0)");
            t.HasCheckConstraint("ck_ticket_types_per_order", "min_per_order >= 1 AND max_per_order >= min_per_order");
        });
    }
}

internal sealed class TicketTypeSessionConfiguration : IEntityTypeConfiguration<TicketTypeSession>
{
    public void Configure(EntityTypeBuilder<TicketTypeSession> builder)
    {
        builder.HasKey(s => new { s.TicketTypeId, s.SessionId });
        // A session included in a ticket type cannot be deleted. Deleting a whole event therefore
        // removes these links first (ChangeEventStatus.DeleteAsync), in the same transaction.
        builder.HasOne(s => s.Session).WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => s.SessionId);
    }
}

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
