using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Messaging;

/// <summary>Organizers' messages to the people of an event, and the reminders before (or after) each session.</summary>
public static class MessagingServices
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<RecipientValues>();
        services.AddScoped<AttendeeMessages>();
        services.AddScoped<SendDueMessages>();
        services.AddScoped<MessageLog>();
        services.AddScoped<OrganizationEmailLog>();
        services.AddScoped<Reminders.EventReminders>();
        services.AddScoped<Reminders.SendDueReminders>();
        return services;
    }
}
