namespace EventPlatform.Core.Ordering.Management;

/// <summary>
/// A checkout question as the organizer edits it. Also the details of <c>question.created</c> and
/// <c>question.changed</c> in the audit log, so a member added here reaches webhooks too.
/// </summary>
public sealed record QuestionDetails(string? Label, QuestionKind Kind, IReadOnlyList<string> Options, bool IsRequired);
