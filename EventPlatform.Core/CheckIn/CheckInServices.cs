using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.CheckIn;

/// <summary>Registers check-in: stations, scanning, kiosks and attendee search.</summary>
public static class CheckInServices
{
    public static IServiceCollection AddCheckIn(this IServiceCollection services)
    {
        services.AddScoped<CheckInStations>();
        services.AddScoped<CheckInTicket>();
        services.AddScoped<CreateKiosk>();
        services.AddScoped<ListKiosks>();
        services.AddScoped<RevokeKiosk>();
        services.AddScoped<SearchAttendees>();
        return services;
    }
}
