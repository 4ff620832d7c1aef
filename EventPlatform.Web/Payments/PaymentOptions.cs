using System.Security.Cryptography;

namespace EventPlatform.Web.Payments;

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

    /// <summary>How often reconciliation asks the gateway about unsettled payments (issue 15).</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool UsesStripe => !string.IsNullOrWhiteSpace(StripeSecretKey) && !string.IsNullOrWhiteSpace(StripePublishableKey);

    public static string RandomWebhookSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

public enum SimulatedWebhookMode
{
    Deliver,
    Duplicate,
    Never,
}
