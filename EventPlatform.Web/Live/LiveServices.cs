using EventPlatform.Core.Catalog.Live;
using EventPlatform.Data.Live;

namespace EventPlatform.Web.Live;

internal static class LiveServices
{
    /// <summary>The live hub of this instance, and the PostgreSQL relay between instances as the notifier every use case calls.</summary>
    public static IServiceCollection AddLiveAvailability(this IServiceCollection services)
    {
        services.AddSingleton<LiveAvailability>();
        services.AddSingleton<LiveDashboards>();
        services.AddSingleton<ILiveAvailabilitySignals>(sp => sp.GetRequiredService<LiveAvailability>());
        services.AddSingleton<PostgresAvailabilityRelay>();
        services.AddSingleton<IAvailabilityNotifier>(sp => sp.GetRequiredService<PostgresAvailabilityRelay>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresAvailabilityRelay>());
        return services;
    }
}
