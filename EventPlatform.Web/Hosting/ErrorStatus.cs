using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using Microsoft.AspNetCore.Diagnostics;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// How an exception that escaped a request is answered (hostile input never gets a 5xx): a missing
/// or foreign id is "not found", a request the framework cannot read (a NUL in a form value, a
/// broken antiforgery token) is a bad request with a plain explanation, and only the rest is an
/// error with a correlation id.
/// </summary>
internal static class ErrorStatus
{
    public static int For(Exception exception, IDatabaseErrors databaseErrors) => exception switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsBadRequest(exception) => StatusCodes.Status400BadRequest,
        // The database is busy or restarting: "try again", not an error.
        _ when databaseErrors.IsBusy(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static bool IsBadRequest(Exception exception) =>
        exception is BadHttpRequestException or InvalidDataException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
        || (exception.InnerException is { } inner && IsBadRequest(inner));

    /// <summary>
    /// The error and status pages are re-executed with the failed request's method; a POST would
    /// make the page try to read (and antiforgery-check) a form again, and fail a second time.
    /// Re-executions are served as GET.
    /// </summary>
    public static IApplicationBuilder UseErrorPagesAsGet(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var reExecuted = context.Features.Get<IExceptionHandlerPathFeature>() is not null
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (reExecuted && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
        }

        return next();
    });
}
