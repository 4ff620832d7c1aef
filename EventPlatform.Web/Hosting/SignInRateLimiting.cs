using EventPlatform.Core.Common;

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
/// Throttles POSTs to the sign-in forms (password sign-in, magic-link request, forgot password,
/// register, resend confirmation) per client IP and per email typed, answering 429 with a readable
/// page. The counts live in PostgreSQL (<see cref="AttemptCounters"/>, a sliding-window estimate),
/// so the limit holds across every app instance and survives restarts: ASP.NET Core's rate limiter
/// keeps its counts in the memory of one process, which two instances behind a proxy would double.
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
        services.AddOptions<SignInRateLimitOptions>().Bind(configuration.GetSection("RateLimits"))
            .Validate(o => o.PerIpPermits > 0 && o.PerEmailPermits > 0, "RateLimits: the permits must be positive.")
            .Validate(o => o.Window > TimeSpan.Zero && o.Window <= AttemptCounters.LongestWindow, "RateLimits:Window must be between zero and a day.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Reads the posted form of throttled requests (the email is a partition key) and counts it.</summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInRateLimitOptions>>().Value;
        return app.Use(async (context, next) =>
        {
            if (IsThrottled(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
                if (await IsOverTheLimitAsync(context, options))
                {
                    var counters = context.RequestServices.GetRequiredService<AttemptCounters>();
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(counters.UntilWindowEnds(options.Window).TotalSeconds))
                        .ToString(System.Globalization.CultureInfo.InvariantCulture);
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync(TooManyRequestsPage, context.RequestAborted);
                    return;
                }
            }

            await next();
        });
    }

    private static async Task<bool> IsOverTheLimitAsync(HttpContext context, SignInRateLimitOptions options)
    {
        var counters = context.RequestServices.GetRequiredService<AttemptCounters>();
        var keys = new List<string> { "signin-ip:" + context.Connection.RemoteIpAddress };
        if (EmailOf(context) is { } email)
        {
            keys.Add("signin-email:" + email);
        }

        var counts = await counters.AddSlidingAsync(keys, options.Window, context.RequestAborted);
        return counts[0] > options.PerIpPermits || (counts.Count > 1 && counts[1] > options.PerEmailPermits);
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

    private const string TooManyRequestsPage = $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Too many attempts</title><link rel="stylesheet" href="/app.css"></head>
        <body class="ep-plain-page"><main class="ep-plain-card"><h1>Too many attempts</h1>
        <p>{UserMessages.TooManyAttempts}</p><p><a href="/Account/Login">Back to sign in</a></p></main></body></html>
        """;
}
