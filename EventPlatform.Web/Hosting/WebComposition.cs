using EventPlatform.Core.Accounts;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Data;
using EventPlatform.Data.Payments;
using EventPlatform.Data.Storage;
using EventPlatform.Web.Accounts;
using EventPlatform.Web.Api;
using EventPlatform.Web.Catalog;
using EventPlatform.Web.Components;
using EventPlatform.Web.Demo;
using EventPlatform.Web.Live;
using EventPlatform.Web.Messaging;
using EventPlatform.Web.Notifications;
using EventPlatform.Web.Organizations;
using EventPlatform.Web.Payments;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Serilog;

namespace EventPlatform.Web.Hosting;

/// <summary>The web layer's composition root: <c>builder.AddWeb()</c> and <c>app.UseWeb()</c>.</summary>
internal static class WebComposition
{
    public static void AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSiteAddress(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServicesWithToasts();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitCorrelationId>();
        services.AddScoped<CircuitHandler, CircuitCorrelationHandler>();
        services.AddScoped<HttpCurrentClient>();
        services.AddScoped<ICurrentClient>(sp => sp.GetRequiredService<HttpCurrentClient>());
        services.AddScoped<CircuitHandler, CurrentClientCircuitHandler>();
        services.AddScoped<CurrentOrganizationState>();
        services.AddScoped<Components.Pages.Catalog.Browse.EventViewHandover>();
        services.AddSingleton<Core.Storage.IFileStorage>(new LocalDiskFileStorage(
            Path.Combine(Path.GetFullPath(configuration["Storage:DataDirectory"] ?? ".data"), "files")));
        services.AddHostedService<EventLifecycleWorker>();
        services.AddHostedService<AttendeeMessagesWorker>();
        services.AddHostedService<RemindersWorker>();
        services.AddPayments(configuration);
        services.AddFaultInjection(configuration, builder.Environment);
        services.AddLiveAvailability();

        services.AddAccounts(configuration);
        services.AddEmail(builder.Environment, configuration);

        services.AddDataProtection().SetApplicationName("EventPlatform").PersistKeysToDbContext<EventPlatformDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration);
        services.AddSingleton<WorkerHealth>();
        services.AddHealthChecks()
            .AddDbContextCheck<EventPlatformDbContext>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<WorkersHealthCheck>("workers", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<Live.LiveRelayHealthCheck>("live-relay", tags: [HealthEndpoints.ReadyTag]);
        services.AddMetricsEndpoint();
        services.AddSignInRateLimiting(configuration);

        // Runs after the migrator registered by AddData (hosted services start in order).
        services.AddHostedService<DemoDataSeeder>();
    }

    public static void UseWeb(this WebApplication app)
    {
        app.UseSiteAddress();
        app.UseCorrelationId();
        app.UseClientDevice();
        app.UseSerilogRequestLogging(options =>
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {Elapsed:0.0} ms");
        app.UseSecurityHeaders(
            allowStripe: app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PaymentOptions>>().Value.UsesStripe);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            CreateScopeForErrors = true,
            // A missing or foreign id is "not found" wherever it surfaces (a foreign id must look
            // exactly like a missing one).
            StatusCodeSelector = exception => ErrorStatus.For(exception, app.Services.GetRequiredService<Core.Common.Database.IDatabaseErrors>()),
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseErrorPagesAsGet();
        app.UseSignInRateLimiting();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapCatalogEndpoints();
        app.MapMediaEndpoints();
        app.MapWebhookEndpoints();
        app.MapOrderEndpoints();
        app.MapExportEndpoints();
        if (app.Configuration.GetValue<bool>($"{FaultOptions.SectionName}:{nameof(FaultOptions.Enabled)}") && !app.Environment.IsProduction())
        {
            app.MapFaultDriverEndpoints();
        }
        app.MapRazorComponents<AppShell>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
    }

    private static void AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "EventPlatform.Auth";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            // A site served over HTTPS (directly or behind a TLS proxy) never sends its cookies in clear.
            if (SiteUsesHttps(configuration))
            {
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        // The antiforgery cookie follows the request (Secure over HTTPS, including behind a known TLS
        // proxy): "Always" would make every form page fail for a request that arrives over HTTP.
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthorization();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // Length beats composition rules (NIST SP 800-63B); keep a minimum of variety.
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<EventPlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IEmailSender<ApplicationUser>, OutboxIdentityEmailSender>();
    }

    private static bool SiteUsesHttps(IConfiguration configuration) =>
        (configuration.GetSection(SiteOptions.SectionName).Get<SiteOptions>() ?? new SiteOptions()).BaseUri.Scheme == Uri.UriSchemeHttps;

    private static void AddEmail(this IServiceCollection services, IHostEnvironment environment, ConfigurationManager configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        var smtp = configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        if (smtp.IsConfigured)
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else if (environment.IsDevelopment())
        {
            var folder = Path.Combine(Path.GetFullPath(configuration["Storage:DataDirectory"] ?? ".data"), "mailbox");
            services.AddSingleton(new DevMailbox(folder));
            services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<DevMailbox>());
        }
        else
        {
            throw new InvalidOperationException(
                "No SMTP server is configured. Set Smtp__Host (and Smtp__Port, Smtp__UserName, Smtp__Password, Smtp__FromAddress) " +
                "so the platform can send confirmation emails, sign-in links and tickets. Only the Development environment may run without one.");
        }

        services.AddSingleton<DevMailboxPresence>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxWakeUp>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddHostedService<EmailOutboxWorker>();
    }
}
