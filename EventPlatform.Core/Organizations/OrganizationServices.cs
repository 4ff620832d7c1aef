using EventPlatform.Core.Organizations.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Organizations;

/// <summary>Registers organizations: access checks, creation, switching, profile and payment settings, content pages.</summary>
public static class OrganizationServices
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<MyOrganizations>();
        services.AddScoped<GetOrganizationDefaults>();
        services.AddScoped<SwitchOrganization>();
        services.AddScoped<GetOrganizationOverview>();
        services.AddScoped<OrganizationProfile>();
        services.AddScoped<OrganizationPayments>();
        services.AddScoped<Team.TeamMembers>();
        services.AddContentPages();
        return services;
    }
}
