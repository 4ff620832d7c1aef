using EventPlatform.Data.Payments;

namespace EventPlatform.Web.Payments;

internal static class PaymentServices
{
    /// <summary>The gateway (<see cref="PaymentGatewayServices.AddPaymentGateway"/>) and the workers that schedule payment work.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPaymentGateway(configuration);
        if (configuration.GetSection(PaymentOptions.SectionName).Get<PaymentOptions>()?.UsesStripe != true)
        {
            services.AddHostedService<SimulatedWebhookWorker>();
        }

        services.AddHostedService<PaymentsWorker>();
        services.AddHostedService<PaymentsReconciliationWorker>();
        return services;
    }
}
