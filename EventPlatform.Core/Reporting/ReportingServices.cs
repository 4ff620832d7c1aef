using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Reporting;

public static class ReportingServices
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<EventDashboard>();
        services.AddScoped<OrganizationDashboard>();
        return services;
    }
}
