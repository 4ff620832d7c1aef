using EventPlatform.Core.Payments;
using EventPlatform.Data.Payments.Simulated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Payments;

/// <summary>Registers the payment gateway; the workers that schedule payment work are the host's (Web's <c>AddPayments</c>).</summary>
public static class PaymentGatewayServices
{
    /// <summary>Stripe when both keys are configured, otherwise the simulated gateway with a demo banner.</summary>
    public static IServiceCollection AddPaymentGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PaymentOptions.SectionName);
        var configured = section.Get<PaymentOptions>() ?? new PaymentOptions();
        var webhookSecret = string.IsNullOrWhiteSpace(configured.WebhookSecret) ? null : configured.WebhookSecret;
        if (configured.UsesStripe && webhookSecret is null)
        {
            throw new InvalidOperationException("Stripe keys are set but Payments__WebhookSecret is not. " +
                "Copy the signing secret (whsec_…) of your webhook endpoint from the Stripe dashboard.");
        }

        var secret = webhookSecret ?? PaymentOptions.RandomWebhookSecret();
        services.Configure<PaymentOptions>(section);
        services.PostConfigure<PaymentOptions>(o => o.WebhookSecret = secret);
        services.AddScoped<StripeWebhookProcessor>();
        if (configured.UsesStripe)
        {
            services.AddStripeHttpClient();
            services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        }
        else
        {
            services.AddSingleton<SimulatedGatewayDatabase>();
            services.AddScoped<GetOrderIntent>();
            services.AddSingleton<SimulatedWebhookDelivery>();
            services.AddSingleton<SimulatedPaymentGateway>();
            services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SimulatedPaymentGateway>());
            services.AddScoped<SimulatedCheckout>();
        }

        return services;
    }
}
