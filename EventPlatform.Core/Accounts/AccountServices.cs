using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Accounts;

/// <summary>Registers accounts: magic links and the profile.</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<MagicLinks.RequestMagicLink>();
        services.AddScoped<MagicLinks.RedeemMagicLink>();
        services.AddScoped<GetProfile>();
        services.AddScoped<UpdateProfile>();
        return services;
    }
}
