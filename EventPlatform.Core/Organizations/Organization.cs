namespace EventPlatform.Core.Organizations;

/// <summary>A team that publishes events and sells tickets. Its slug is its public address, /o/{slug}.</summary>
public class Organization
{
    public const int NameMinLength = 2;
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>ISO 4217 code used for new ticket prices.</summary>
    public string DefaultCurrency { get; set; } = "EUR";
    /// <summary>IANA time zone used for new events.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Berlin";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>"#RRGGBB", used on the public page.</summary>
    public string BrandColour { get; set; } = "#4338CA";
    /// <summary>Stored logo image (see IFileStorage), or null.</summary>
    public string? LogoPath { get; set; }
    /// <summary>Markdown shown on the public page.</summary>
    public string? About { get; set; }
    /// <summary>Stripe Connect account (acct_…) that receives this organization's payments as destination charges.</summary>
    public string? StripeAccountId { get; set; }
    /// <summary>Platform fee percent agreed with this organization, instead of the platform setting.</summary>
    public decimal? PlatformFeePercentOverride { get; set; }
    /// <summary>Fixed platform fee per order (minor units) agreed with this organization.</summary>
    public long? PlatformFeeFixedMinorOverride { get; set; }

    public List<OrganizationMember> Members { get; set; } = [];
}
