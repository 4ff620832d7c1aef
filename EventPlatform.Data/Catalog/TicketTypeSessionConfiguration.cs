using EventPlatform.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Catalog;

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
