using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Payments;

/// <summary>Registers payments: starting, confirming, applying gateway events, refunds and reconciliation (the gateway itself is registered by the
/// host).</summary>
public static class PaymentServices
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddScoped<OrderConfirmation>();
        services.AddScoped<Notifications.IDeferredEmailRenderer>(sp => sp.GetRequiredService<OrderConfirmation>());
        services.AddScoped<ApplyPaymentEvent>();
        services.AddScoped<RefundPayments>();
        services.AddScoped<StartPayment>();
        services.AddScoped<ContinueToPayment>();
        services.AddScoped<ConfirmReturnedPayment>();
        services.AddScoped<ReconcilePayments>();
        return services;
    }
}
