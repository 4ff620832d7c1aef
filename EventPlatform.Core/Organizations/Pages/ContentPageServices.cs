using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>Registers content pages: the organizer's list, save, publish, move and delete, and the public reads.</summary>
public static class ContentPageServices
{
    public static IServiceCollection AddContentPages(this IServiceCollection services)
    {
        services.AddScoped<ListContentPages>();
        services.AddScoped<SaveContentPage>();
        services.AddScoped<PublishContentPage>();
        services.AddScoped<MoveContentPage>();
        services.AddScoped<DeleteContentPage>();
        services.AddScoped<PublicContentPages>();
        return services;
    }
}
