using System.Text.Json;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Ordering;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.TicketTypeName).HasMaxLength(200);
        builder.Property(t => t.AttendeeName).HasMaxLength(200);
        builder.Property(t => t.AttendeeEmail).HasMaxLength(320);
        builder.HasIndex(t => new { t.EventId, t.Status });
        builder.HasIndex(t => new { t.TicketTypeId, t.Status });
        builder.HasOne<TicketType>().WithMany().HasForeignKey(t => t.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.PaidMinor);
        builder.Property(t => t.Answers)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                    v =>
                        v.Aggregate(0, (h, kv) =>
                            HashCode.Combine(h, kv.Key.GetHashCode(StringComparison.Ordinal), kv.Value.GetHashCode(StringComparison.Ordinal))),
                    v => new Dictionary<string, string>(v)));
        builder.ToTable(t =>
            t.HasCheckConstraint("ck_tickets_amounts",
                "unit_price_minor >= 0 AND discount_minor >= 0 AND discount_minor <= unit_price_minor AND fee_minor >= 0"));
    }
}
