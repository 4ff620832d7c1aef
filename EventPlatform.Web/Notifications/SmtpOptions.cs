namespace EventPlatform.Web.Notifications;

/// <summary>SMTP settings (configuration section <c>Smtp</c>). Without a host, Development uses the local mailbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@eventplatform.local";
    public string FromName { get; set; } = "EventPlatform";
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>After repeated failures, how long the outbox stops trying the server before one email tests it again.</summary>
    public int CircuitBreakSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
