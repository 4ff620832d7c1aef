using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Data.Ordering;

internal sealed class EventQuestionConfiguration : IEntityTypeConfiguration<EventQuestion>
{
    public void Configure(EntityTypeBuilder<EventQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Label).HasMaxLength(EventQuestion.LabelMaxLength);
        builder.HasOne<Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.EventId, q.SortOrder });
    }
}
