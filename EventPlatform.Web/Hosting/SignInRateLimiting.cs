using System.Threading.RateLimiting;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.RateLimiting;

namespace EventPlatform.Web.Hosting;

/// <summary>Limits for the sign-in and email-sending account forms (configuration section <c>RateLimits</c>).</summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>Form posts one IP address may make per window.</summary>
    public int PerIpPermits { get; set; } = 30;

    /// <summary>Form posts naming one email address per window, from anywhere.</summary>
    public int PerEmailPermits { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Throttles POSTs to the sign-in forms (password sign-in, magic-link request, forgot password)
/// per client IP and per email typed, answering 429 with a readable page. The form is read
/// before the limiter runs so the email can be a partition key.
/// </summary>
internal static class SignInRateLimiting
{
    // Every form that signs in or sends an email. Matched on the route the request reached, not on
    // its spelling: "/Account/Login/", "/account/login" and the like all reach the same page.
    private static readonly string[] ThrottledRoutes =
    [
        "/Account/Login", "/Account/MagicLink", "/Account/ForgotPassword", "/Account/Register", "/Account/ResendEmailConfirmation",
    ];

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<SignInRateLimitOptions>() ?? new SignInRateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsThrottled(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress, _ => Window(options.PerIpPermits, options.Window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsThrottled(context) && EmailOf(context) is { } email
                    ? RateLimitPartition.GetFixedWindowLimiter("email:" + email, _ => Window(options.PerEmailPermits, options.Window))
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyRequestsPage, ct);
            };
        });
        return services;
    }

    /// <summary>Reads the posted form of throttled requests so the limiter can see the email field.</summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsThrottled(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next();
        });
        return app.UseRateLimiter();
    }

    private static bool IsThrottled(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) &&
        context.GetEndpoint() is RouteEndpoint endpoint &&
        ThrottledRoutes.Any(route => string.Equals(endpoint.RoutePattern.RawText?.TrimEnd('/'), route, StringComparison.OrdinalIgnoreCase));

    private static string? EmailOf(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var email = context.Request.Form["Input.Email"].ToString().Trim();
        return email.Length is 0 or > 320 ? null : email.ToUpperInvariant();
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private const string TooManyRequestsPage = $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Too many attempts</title><link rel="stylesheet" href="/app.css"></head>
        <body class="ep-plain-page"><main class="ep-plain-card"><h1>Too many attempts</h1>
        <p>{UserMessages.TooManyAttempts}</p><p><a href="/Account/Login">Back to sign in</a></p></main></body></html>
        """;
}
