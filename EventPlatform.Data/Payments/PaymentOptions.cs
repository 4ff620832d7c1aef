using System.Security.Cryptography;

namespace EventPlatform.Data.Payments;

/// <summary>
/// The <c>Payments</c> configuration section. With Stripe keys the Stripe gateway is used;
/// without, the simulated one (demo payments).
/// </summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>sk_live_… or sk_test_…</summary>
    public string? StripeSecretKey { get; set; }

    /// <summary>pk_live_… or pk_test_…, for Stripe Elements in the browser.</summary>
    public string? StripePublishableKey { get; set; }

    /// <summary>
    /// whsec_…: the secret webhook events are signed with. For the simulated gateway a random one
    /// is made at start-up when none is set, so nobody outside can forge a "payment succeeded".
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// How the simulated gateway sends its webhooks: normally (<c>Deliver</c>), each ten times at
    /// once (<c>Duplicate</c>), or not at all (<c>Never</c>, so only reconciliation confirms).
    /// The last two exist for the fault-injection suite (docs/reliability.md).
    /// </summary>
    public SimulatedWebhookMode SimulatedWebhooks { get; set; }

    /// <summary>How often reconciliation asks the gateway about unsettled payments, so a lost webhook never loses an order.</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Another Stripe API address (a local fake in tests, or stripe-mock); empty means api.stripe.com.</summary>
    public string? StripeApiBase { get; set; }

    /// <summary>Longest wait for one HTTP attempt to Stripe before it counts as failed.</summary>
    public TimeSpan StripeAttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Longest wait for a Stripe call with its retries: what a buyer waits at worst.</summary>
    public TimeSpan StripeTotalTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long calls to Stripe fail at once after the circuit opened, before one is tried again.</summary>
    public TimeSpan StripeCircuitBreak { get; set; } = TimeSpan.FromSeconds(15);

    public bool UsesStripe => !string.IsNullOrWhiteSpace(StripeSecretKey) && !string.IsNullOrWhiteSpace(StripePublishableKey);

    public static string RandomWebhookSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

public enum SimulatedWebhookMode
{
    Deliver,
    Duplicate,
    Never,
}
