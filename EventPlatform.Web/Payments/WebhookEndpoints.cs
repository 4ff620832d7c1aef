namespace EventPlatform.Web.Payments;

/// <summary><c>POST /api/webhooks/stripe</c>: 400 on a bad signature, 2xx when handled or ignored, 503 when busy (Stripe retries).</summary>
internal static class WebhookEndpoints
{
    /// <summary>Stripe's events are a few KB; anything far larger is not one.</summary>
    private const int MaxPayloadBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/webhooks/stripe", async (HttpRequest request, StripeWebhookProcessor processor, CancellationToken ct) =>
        {
            if (request.ContentLength > MaxPayloadBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync(ct);
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
}
