using EventPlatform.Core.Accounts;
using EventPlatform.Core.Accounts.MagicLinks;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Core;

/// <summary>Registers Core's use cases, feature by feature.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFaultInjector, NoFaults>();
        services.AddMemoryCache();
        services.AddMetrics();
        services.AddSingleton<AppMetrics>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<Common.Events.AfterCommitDispatcher>();
        // Cache first, then live pages: a page that refreshes must not read the old listing.
        services.AddSingleton<Common.Events.IAfterCommitHandler, Catalog.Browsing.CatalogCacheOnCommit>();
        services.AddSingleton<Common.Events.IAfterCommitHandler, Catalog.Live.LivePagesOnCommit>();
        services.AddSingleton<ISettingsService, SettingsService>();
        services.AddAccounts().AddOrganizations().AddNotifications().AddCatalog().AddOrdering();
        services.AddScoped<Administration.GetPlatformOverview>();
        return services;
    }

    private static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<RequestMagicLink>();
        services.AddScoped<RedeemMagicLink>();
        services.AddScoped<GetProfile>();
        services.AddScoped<UpdateProfile>();
        return services;
    }

    private static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<MyOrganizations>();
        services.AddScoped<SwitchOrganization>();
        services.AddScoped<GetOrganizationOverview>();
        services.AddScoped<OrganizationProfile>();
        services.AddScoped<OrganizationPayments>();
        return services;
    }

    private static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<CatalogAccess>();
        services.AddScoped<SaveEvent>();
        services.AddScoped<SaveSession>();
        services.AddScoped<SaveTicketType>();
        services.AddScoped<SetEventCover>();
        services.AddScoped<ChangeEventStatus>();
        services.AddScoped<AdvanceEventLifecycle>();
        services.AddScoped<OrganizationEvents>();
        services.AddSingleton<Catalog.Browsing.CatalogCache>();
        services.AddScoped<Catalog.Browsing.BrowseCatalog>();
        services.AddScoped<Catalog.Browsing.GetPublicEvent>();
        services.AddScoped<Catalog.Browsing.GetOrganizationPage>();
        services.AddScoped<Catalog.CustomerMembers>();
        return services;
    }

    private static IServiceCollection AddOrdering(this IServiceCollection services)
    {
        services.AddOptions<Common.SiteOptions>();
        services.TryAddSingleton<Catalog.Live.IAvailabilityNotifier, Catalog.Live.NoAvailabilityNotifier>();
        services.AddScoped<Catalog.Live.ReadEventCounters>();
        services.AddScoped<Ordering.Holds.PlaceHold>();
        services.AddSingleton<Ordering.Holds.HoldAttemptRate>();
        services.AddScoped<AttemptCounters>();
        services.AddScoped<Ordering.Coupons.CodeGuessLimit>();
        services.TryAddScoped<ICurrentClient, NoCurrentClient>();
        services.AddScoped<Ordering.Holds.ReleaseExpiredHolds>();
        services.AddScoped<Ordering.Checkout.GetOrder>();
        services.AddScoped<Ordering.Checkout.SaveCheckoutDetails>();
        services.AddScoped<Ordering.Checkout.ChangeOrderCoupon>();
        services.AddScoped<Ordering.Cancellation.CancelTickets>();
        services.AddScoped<Ordering.Cancellation.RefundCancelledEvent>();
        services.AddScoped<Ordering.Tickets.MyTickets>();
        services.AddScoped<Ordering.Tickets.ManageAttendees>();
        services.AddScoped<Ordering.Management.EventOrders>();
        services.AddScoped<Ordering.Management.PaymentAttention>();
        services.AddScoped<Ordering.Management.OrderEmailDelivery>();
        services.AddScoped<Ordering.Management.EventDashboard>();
        services.AddScoped<Ordering.Management.ManageCoupons>();
        services.AddScoped<Ordering.Management.ManageQuestions>();
        services.AddScoped<Payments.OrderConfirmation>();
        services.AddScoped<Payments.ApplyPaymentEvent>();
        services.AddScoped<Payments.RefundPayments>();
        services.AddScoped<Payments.StartPayment>();
        services.AddScoped<Payments.ConfirmReturnedPayment>();
        services.AddScoped<Payments.ReconcilePayments>();
        services.AddScoped<CheckIn.CheckInStations>();
        services.AddScoped<CheckIn.CheckInTicket>();
        services.AddScoped<CheckIn.ManageKiosks>();
        services.AddScoped<CheckIn.SearchAttendees>();
        return services;
    }

    private static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<DeliverOutboxEmails>();
        services.AddScoped<RetryFailedEmail>();
        return services;
    }
}
