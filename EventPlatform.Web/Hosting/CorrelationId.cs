using System.Text.RegularExpressions;
using Serilog.Context;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is sane,
/// otherwise a new one. It is the request's <see cref="HttpContext.TraceIdentifier"/> (shown on
/// the error page), is echoed in the response header, and is on every log line of the request.
/// </summary>
internal static partial class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SaneId();

    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = SaneId().IsMatch(incoming) ? incoming : NewId();
        context.TraceIdentifier = id;
        context.Response.Headers[HeaderName] = id;
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next();
        }
    });
}
