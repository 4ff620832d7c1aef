namespace EventPlatform.Web.Hosting;

/// <summary>
/// Security headers on every response. The CSP allows only our own scripts (Blazor, MudBlazor),
/// inline styles (MudBlazor's theme and component styles are inline), our own WebSocket
/// (the circuit), and forbids framing.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>With the Stripe gateway, Stripe.js and its card frames are allowed too (card data stays with Stripe).</summary>
    public static readonly string StripeContentSecurityPolicy = ContentSecurityPolicy
        .Replace("script-src 'self'", "script-src 'self' https://js.stripe.com", StringComparison.Ordinal)
        .Replace("connect-src 'self'", "connect-src 'self' https://api.stripe.com", StringComparison.Ordinal)
        .Replace("frame-src 'self'", "frame-src 'self' https://js.stripe.com https://hooks.stripe.com", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool allowStripe = false) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = allowStripe ? StripeContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=(self)";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
