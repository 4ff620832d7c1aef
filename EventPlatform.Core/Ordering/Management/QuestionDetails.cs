namespace EventPlatform.Core.Ordering.Management;

public sealed record QuestionDetails(string? Label, QuestionKind Kind, IReadOnlyList<string> Options, bool IsRequired);
