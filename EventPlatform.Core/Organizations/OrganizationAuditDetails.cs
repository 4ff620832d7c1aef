namespace EventPlatform.Core.Organizations;

/// <summary><c>organization.created</c> and <c>organization.updated</c>: the organization's name and slug as saved.</summary>
public sealed record OrganizationNamedDetails(string Name, string Slug);

/// <summary>
/// <c>organization.payments_changed</c>: the Stripe Connect account after the change, and the platform fee agreed
/// with the organization, when it differs from the platform's.
/// </summary>
public sealed record OrganizationPaymentsChangedDetails(string? StripeAccountId, decimal? FeePercentOverride, long? FeeFixedMinorOverride);
