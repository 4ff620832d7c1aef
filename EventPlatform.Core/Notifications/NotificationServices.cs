using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Notifications;

/// <summary>Registers notifications: the email outbox's delivery and the admin's retry.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<DeliverOutboxEmails>();
        services.AddScoped<RetryFailedEmail>();
        return services;
    }
}
