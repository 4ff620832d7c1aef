namespace EventPlatform.Core.Notifications;

/// <summary>An email ready to send: one recipient, an HTML body and its plain-text alternative.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, string Kind);
