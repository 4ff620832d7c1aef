using System.Globalization;
using System.Numerics;

namespace EventPlatform.Core.Settings;

/// <summary>The platform settings, typed. Defaults: the table in docs/product.md, "8. Administration".</summary>
public sealed record PlatformSettings
{
    public TimeSpan HoldTime { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan WaitlistOfferValidity { get; init; } = TimeSpan.FromHours(24);
    public int MaxTicketsPerOrder { get; init; } = 10;
    /// <summary>Platform fee percent of the order subtotal (e.g. 8 means 8 %).</summary>
    public decimal PlatformFeePercent { get; init; } = 8m;
    /// <summary>Fixed platform fee per order, in minor units of the order's currency.</summary>
    public long PlatformFeeFixedMinor { get; init; }
    public TimeSpan MagicLinkExpiry { get; init; } = TimeSpan.FromMinutes(10);
    public string BrandName { get; init; } = "EventPlatform";
    public int SearchResultsPerPage { get; init; } = 20;
    /// <summary>Unpaid orders one browser may hold at once, across events (one person must not empty an on-sale).</summary>
    public int MaxOpenHoldsPerDevice { get; init; } = 3;
    /// <summary>Tickets held unpaid from one network address for one event; generous, as a school or office shares an address.</summary>
    public int MaxHeldTicketsPerAddressPerEvent { get; init; } = 30;
    /// <summary>
    /// Reconciliation asks the gateway about an unconfirmed payment once its intent is this old:
    /// long enough for the webhook to arrive first in the normal case.
    /// </summary>
    public TimeSpan ReconcilePaymentsAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>
    /// Emails an organization's messages to attendees may send in 24 hours (reminders and order
    /// emails do not count): a stolen organizer account cannot turn the platform into a spam cannon.
    /// </summary>
    public int MessageEmailsPerOrganizationPerDay { get; init; } = 5_000;
    /// <summary>A message to more recipients than this needs an Admin or Owner to send it.</summary>
    public int MessageRecipientsWithoutAdmin { get; init; } = 500;

    public static PlatformSettings Defaults { get; } = new();
}

/// <summary>
/// The keys under which settings are stored, with how each is parsed and formatted. Durations
/// are stored in whole minutes so an operator can read and edit them.
/// </summary>
public static class SettingKeys
{
    public const string HoldTimeMinutes = "hold_time_minutes";
    public const string WaitlistOfferValidityMinutes = "waitlist_offer_validity_minutes";
    public const string MaxTicketsPerOrder = "max_tickets_per_order";
    public const string PlatformFeePercent = "platform_fee_percent";
    public const string PlatformFeeFixedMinor = "platform_fee_fixed_minor";
    public const string MagicLinkExpiryMinutes = "magic_link_expiry_minutes";
    public const string BrandName = "brand_name";
    public const string SearchResultsPerPage = "search_results_per_page";
    public const string MaxOpenHoldsPerDevice = "max_open_holds_per_device";
    public const string MaxHeldTicketsPerAddressPerEvent = "max_held_tickets_per_address_per_event";
    public const string ReconcilePaymentsAfterMinutes = "reconcile_payments_after_minutes";
    public const string MessageEmailsPerOrganizationPerDay = "message_emails_per_organization_per_day";
    public const string MessageRecipientsWithoutAdmin = "message_recipients_without_admin";

    /// <summary>The default rows, as stored (seeded by the initial migration).</summary>
    public static IReadOnlyDictionary<string, string> DefaultValues { get; } = ToValues(PlatformSettings.Defaults);

    public static IReadOnlyDictionary<string, string> ToValues(PlatformSettings s) => new Dictionary<string, string>
    {
        [HoldTimeMinutes] = Minutes(s.HoldTime),
        [WaitlistOfferValidityMinutes] = Minutes(s.WaitlistOfferValidity),
        [MaxTicketsPerOrder] = s.MaxTicketsPerOrder.ToString(CultureInfo.InvariantCulture),
        [PlatformFeePercent] = s.PlatformFeePercent.ToString(CultureInfo.InvariantCulture),
        [PlatformFeeFixedMinor] = s.PlatformFeeFixedMinor.ToString(CultureInfo.InvariantCulture),
        [MagicLinkExpiryMinutes] = Minutes(s.MagicLinkExpiry),
        [BrandName] = s.BrandName,
        [SearchResultsPerPage] = s.SearchResultsPerPage.ToString(CultureInfo.InvariantCulture),
        [MaxOpenHoldsPerDevice] = s.MaxOpenHoldsPerDevice.ToString(CultureInfo.InvariantCulture),
        [MaxHeldTicketsPerAddressPerEvent] = s.MaxHeldTicketsPerAddressPerEvent.ToString(CultureInfo.InvariantCulture),
        [ReconcilePaymentsAfterMinutes] = Minutes(s.ReconcilePaymentsAfter),
        [MessageEmailsPerOrganizationPerDay] = s.MessageEmailsPerOrganizationPerDay.ToString(CultureInfo.InvariantCulture),
        [MessageRecipientsWithoutAdmin] = s.MessageRecipientsWithoutAdmin.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Builds typed settings from stored rows. A missing or unreadable value keeps its default and
    /// is reported in <paramref name="problems"/>, so one bad row never takes the site down.
    /// </summary>
    public static PlatformSettings Parse(IReadOnlyDictionary<string, string> values, List<string> problems)
    {
        var d = PlatformSettings.Defaults;
        return new PlatformSettings
        {
            HoldTime = TimeSpan.FromMinutes(Int(HoldTimeMinutes, (int)d.HoldTime.TotalMinutes, 1, 24 * 60)),
            WaitlistOfferValidity = TimeSpan.FromMinutes(Int(WaitlistOfferValidityMinutes, (int)d.WaitlistOfferValidity.TotalMinutes, 1,
                30 * 24 * 60)),
            MaxTicketsPerOrder = Int(MaxTicketsPerOrder, d.MaxTicketsPerOrder, 1, 1000),
            PlatformFeePercent = Dec(PlatformFeePercent, d.PlatformFeePercent, 0m, 100m),
            PlatformFeeFixedMinor = Int(PlatformFeeFixedMinor, (int)d.PlatformFeeFixedMinor, 0, 1_000_000),
            MagicLinkExpiry = TimeSpan.FromMinutes(Int(MagicLinkExpiryMinutes, (int)d.MagicLinkExpiry.TotalMinutes, 1, 7 * 24 * 60)),
            BrandName = values.TryGetValue(BrandName, out var brand) && !string.IsNullOrWhiteSpace(brand) ? brand.Trim() : d.BrandName,
            SearchResultsPerPage = Int(SearchResultsPerPage, d.SearchResultsPerPage, 1, 200),
            MaxOpenHoldsPerDevice = Int(MaxOpenHoldsPerDevice, d.MaxOpenHoldsPerDevice, 1, 1000),
            MaxHeldTicketsPerAddressPerEvent = Int(MaxHeldTicketsPerAddressPerEvent, d.MaxHeldTicketsPerAddressPerEvent, 1, 100_000),
            ReconcilePaymentsAfter = TimeSpan.FromMinutes(Int(ReconcilePaymentsAfterMinutes, (int)d.ReconcilePaymentsAfter.TotalMinutes, 0, 24 * 60)),
            MessageEmailsPerOrganizationPerDay = Int(MessageEmailsPerOrganizationPerDay, d.MessageEmailsPerOrganizationPerDay, 0, 10_000_000),
            MessageRecipientsWithoutAdmin = Int(MessageRecipientsWithoutAdmin, d.MessageRecipientsWithoutAdmin, 0, 10_000_000),
        };

        int Int(string key, int fallback, int min, int max) => Number(key, fallback, min, max);

        decimal Dec(string key, decimal fallback, decimal min, decimal max) => Number(key, fallback, min, max);

        T Number<T>(string key, T fallback, T min, T max)
            where T : struct, INumber<T>
        {
            if (!values.TryGetValue(key, out var raw))
            {
                return fallback;
            }

            if (T.TryParse(raw, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
            {
                return parsed;
            }

            problems.Add($"Setting '{key}' has the unusable value '{raw}' (expected a number from {min} to {max}); using {fallback}.");
            return fallback;
        }
    }

    private static string Minutes(TimeSpan span) => ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}
