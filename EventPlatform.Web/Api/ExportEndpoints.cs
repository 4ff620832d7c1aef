using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Exports;
using Microsoft.Net.Http.Headers;

namespace EventPlatform.Web.Api;

/// <summary>
/// Downloads of an event's orders and attendees, for signed-in organizers with Analyst or a higher role. An event of
/// another organization is "not found", as everywhere. The file is written to the response as its rows are read.
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Signed-out visitors are sent to the sign-in page and back (a plain link from the export panel).
        endpoints.MapGet("/events/{eventId:guid}/exports/{file}", ExportAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(Guid eventId, string file, HttpContext context, EventExports exports, TimeProvider clock,
        CancellationToken ct)
    {
        var (request, problem) = ExportRequest.Parse(file, context.Request.Query);
        if (request is null)
        {
            return Results.Text(problem, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        CommandResult<ExportTable> result;
        try
        {
            result = request.Attendees
                ? await exports.AttendeesAsync(eventId, request.Filter, ct)
                : await exports.OrdersAsync(eventId, request.Filter, ct);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (AccessDeniedException denied)
        {
            return Results.Text(denied.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!result.Succeeded)
        {
            var messages = result.Errors.Select(e => $"'{e.Field}': {e.Message}");
            return Results.Text(string.Join(" ", messages), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        return new StreamedExport(result.Value!, request.Format, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Writes the export straight to the response body; nothing of it is kept in memory beyond a chunk.</summary>
    private sealed class StreamedExport(ExportTable table, ExportFormat format, DateOnly day) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.ContentType = ExportWriter.ContentType(format);
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileNameStar = ExportWriter.FileName(table, format, day),
                FileName = ExportWriter.FileName(table, format, day),
            }.ToString();
            // Personal data: never kept by a shared cache or the browser's.
            response.Headers.CacheControl = "no-store";
            await ExportWriter.WriteAsync(table, format, response.Body, context.RequestAborted);
        }
    }
}
