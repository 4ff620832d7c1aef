using EventPlatform.Core.Accounts;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Messaging;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Core.Reporting;
using EventPlatform.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Core;

/// <summary>Registers Core: what every feature shares, then each feature from its own folder.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFaultInjector, NoFaults>();
        services.TryAddScoped<ICurrentClient, NoCurrentClient>();
        services.AddOptions<SiteOptions>();
        services.AddMemoryCache();
        services.AddMetrics();
        services.AddSingleton<AppMetrics>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<Common.Markdown.MarkdownRenderer>();
        services.AddScoped<AttemptCounters>();
        services.AddSingleton<ISettingsService, SettingsService>();
        services.AddAfterCommitEvents();

        services.AddAccounts()
            .AddOrganizations()
            .AddNotifications()
            .AddCatalog()
            .AddOrdering()
            .AddPayments()
            .AddCheckIn()
            .AddReporting()
            .AddMessaging();
        services.AddScoped<Administration.GetPlatformOverview>();
        return services;
    }

    private static IServiceCollection AddAfterCommitEvents(this IServiceCollection services)
    {
        services.AddSingleton<AfterCommitDispatcher>();
        // Cache first, then live pages: a page that refreshes must not read the old listing.
        services.AddSingleton<IAfterCommitHandler, Catalog.Browsing.CatalogCacheOnCommit>();
        services.AddSingleton<IAfterCommitHandler, Catalog.Live.LivePagesOnCommit>();
        return services;
    }
}
