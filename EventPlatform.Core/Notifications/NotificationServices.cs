using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Notifications;

/// <summary>Registers notifications: the email outbox's delivery, the admin's retry, and the organizations' email templates.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<DeliverOutboxEmails>();
        services.AddScoped<RetryFailedEmail>();
        services.AddSingleton<Templates.EmailTemplateRenderer>();
        services.AddScoped<Templates.EmailTemplates>();
        services.AddSingleton<Templates.TemplatedEmails>();
        return services;
    }
}
