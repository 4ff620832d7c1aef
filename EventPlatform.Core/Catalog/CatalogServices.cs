using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Core.Catalog;

/// <summary>Registers the catalog: managing events, sessions and ticket types, browsing, live counters.</summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<Browsing.CatalogCache>();
        services.AddSingleton<Browsing.EventDefinitions>();
        services.TryAddSingleton<Live.IAvailabilityNotifier, Live.NoAvailabilityNotifier>();
        services.AddScoped<Management.CatalogAccess>();
        services.AddScoped<Management.SaveEvent>();
        services.AddScoped<Management.SaveSession>();
        services.AddScoped<Management.DeleteSession>();
        services.AddScoped<Management.SaveTicketType>();
        services.AddScoped<Management.DeleteTicketType>();
        services.AddScoped<Management.SetEventCover>();
        services.AddScoped<Management.PublishEvent>();
        services.AddScoped<Management.ScheduleEvent>();
        services.AddScoped<Management.CancelEvent>();
        services.AddScoped<Management.DeleteEvent>();
        services.AddScoped<Management.AdvanceEventLifecycle>();
        services.AddScoped<Management.ListOrganizerEvents>();
        services.AddScoped<Management.GetEventForEditing>();
        services.AddScoped<Browsing.BrowseCatalog>();
        services.AddScoped<Browsing.GetPublicEvent>();
        services.AddScoped<Browsing.GetOrganizationPage>();
        services.AddScoped<CustomerMembers>();
        services.AddScoped<Live.ReadEventCounters>();
        return services;
    }
}
