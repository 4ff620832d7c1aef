using EventPlatform.Core.Storage;

namespace EventPlatform.Web.Api;

/// <summary>Serves uploaded images. Each upload has a new name, so responses can be cached for good.</summary>
internal static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{**path}", async (string path, IFileStorage storage, HttpContext context, CancellationToken ct) =>
        {
            if (ImageFormat.FromExtension(path) is not { } format || await storage.OpenAsync(path, ct) is not { } stream)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, format.ContentType);
        });
        return endpoints;
    }
}
