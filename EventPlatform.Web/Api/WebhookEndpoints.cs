using EventPlatform.Data.Payments;

namespace EventPlatform.Web.Api;

/// <summary>
/// <c>POST /api/webhooks/stripe</c>: 400 on a bad signature, 2xx when handled or ignored, 503 when busy
/// (Stripe retries). Any other method is 405 with <c>Allow: POST</c>, as HTTP says (not the pages' 404).
/// </summary>
internal static class WebhookEndpoints
{
    /// <summary>Stripe's events are a few KB; anything far larger is not one.</summary>
    private const int MaxPayloadBytes = 256 * 1024;

    private const string StripePath = "/api/webhooks/stripe";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Without this, a GET falls through to the Blazor pages and answers their not-found page.
        endpoints.MapMethods(StripePath, [HttpMethods.Get, HttpMethods.Head, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete],
            (HttpResponse response) =>
            {
                response.Headers.Allow = HttpMethods.Post;
                return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "This address only accepts POST.");
            }).DisableAntiforgery();
        endpoints.MapPost(StripePath, async (HttpRequest request, StripeWebhookProcessor processor, CancellationToken ct) =>
        {
            if (request.ContentLength > MaxPayloadBytes || await ReadBoundedAsync(request.Body, ct) is not { } payload)
            {
                // With a body: a bare status would be re-executed as the HTML not-found page.
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: $"A webhook payload has at most {MaxPayloadBytes / 1024} KB.");
            }

            var outcome = await processor.ProcessAsync(payload, request.Headers["Stripe-Signature"], ct);
            return outcome switch
            {
                WebhookOutcome.BadSignature => Results.BadRequest(new { error = "Invalid signature." }),
                WebhookOutcome.Busy => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                WebhookOutcome.Handled => Results.Ok(new { received = true, handled = true }),
                _ => Results.Ok(new { received = true, handled = false }),
            };
        }).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>
    /// The body as text, or null past the limit. The read itself is bounded: a chunked body has no
    /// Content-Length to check first, and must not be read whole into memory.
    /// </summary>
    private static async Task<string?> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
