using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.CheckIn;

internal sealed class CheckInRecordConfiguration : IEntityTypeConfiguration<CheckInRecord>
{
    public void Configure(EntityTypeBuilder<CheckInRecord> builder)
    {
        builder.ToTable("check_ins");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.StationName).HasMaxLength(100);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        // Exactly once: one live check-in per ticket and session, enforced by the database.
        builder.HasIndex(c => new { c.TicketId, c.SessionId }).IsUnique().HasFilter("undone_at IS NULL")
            .HasDatabaseName("ux_check_ins_once_per_ticket_and_session");
        builder.HasIndex(c => new { c.SessionId, c.UndoneAt });
    }
}
