namespace EventPlatform.Core.Notifications.Templates;

/// <summary>
/// An organization's own wording of one email (<see cref="EmailTemplateKind"/>): subject, heading and
/// a Markdown body with placeholders (<see cref="EmailPlaceholders"/>). Without a row the default
/// (<see cref="EmailTemplateDefaults"/>) is used; "reset to default" deletes the row.
/// </summary>
public class EmailTemplate
{
    public const int SubjectMaxLength = 200;
    public const int HeadingMaxLength = 200;
    public const int BodyMaxLength = 20_000;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public EmailTemplateKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Heading { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedByUserId { get; set; }
}

/// <summary>The wording of one email, the organization's own or the default.</summary>
public sealed record EmailWording(string Subject, string Heading, string Body, bool IsDefault);
