namespace EventPlatform.Core.Ordering;

public enum QuestionKind
{
    Text,
    Choice,
    YesNo,
}

/// <summary>A question asked for every attendee at checkout.</summary>
public class EventQuestion
{
    public const int LabelMaxLength = 200;
    public const int AnswerMaxLength = 500;

    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string Label { get; set; }
    public QuestionKind Kind { get; set; }
    /// <summary>The choices of a <see cref="QuestionKind.Choice"/> question.</summary>
    public List<string> Options { get; set; } = [];
    public bool IsRequired { get; set; }
    public int SortOrder { get; set; }

    /// <summary>What every new event asks until its organizer changes it (docs/product.md, "3. Ordering: holds and checkout").</summary>
    public static IReadOnlyList<EventQuestion> DefaultsFor(Guid eventId) =>
    [
        new() { Id = Guid.CreateVersion7(), EventId = eventId, Label = "Dietary requirements", Kind = QuestionKind.Text, SortOrder = 1 },
        new() { Id = Guid.CreateVersion7(), EventId = eventId, Label = "Emergency contact (name and phone)", Kind = QuestionKind.Text,
            SortOrder = 2 },
    ];
}
