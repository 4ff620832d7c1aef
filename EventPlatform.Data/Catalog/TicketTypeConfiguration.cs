using EventPlatform.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Catalog;

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
            t.HasCheckConstraint("ck_ticket_types_counters_within_cap",
                "taken >= 0 AND (quantity_cap IS NULL OR taken <= quantity_cap)");
            t.HasCheckConstraint("ck_ticket_types_prices_not_negative",
                "price_minor >= 0 AND (member_price_minor IS NULL OR member_price_minor >= 0) " +
                "AND (early_bird_price_minor IS NULL OR early_bird_price_minor >= 0)");
            t.HasCheckConstraint("ck_ticket_types_per_order", "min_per_order >= 1 AND max_per_order >= min_per_order");
        });
    }
}
