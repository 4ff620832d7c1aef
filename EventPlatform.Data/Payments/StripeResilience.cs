using System.Net;
using EventPlatform.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Stripe;

namespace EventPlatform.Data.Payments;

/// <summary>
/// Every call to Stripe goes through one HttpClient from the factory with a resilience pipeline:
/// a total timeout, retries with jittered backoff only where a repeat cannot charge twice (GETs and
/// requests carrying an <c>Idempotency-Key</c>), a circuit breaker, and a timeout per attempt. So a
/// slow or failing Stripe makes a buyer wait seconds, not minutes, and never piles up threads; while
/// the circuit is open calls fail at once and checkout says payments are briefly unavailable.
/// </summary>
public static class StripeResilience
{
    public const string HttpClientName = "stripe";

    public static IServiceCollection AddStripeHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("stripe", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<PaymentOptions>>().Value;
                // Network time is wall-clock time, even where the app's business clock is faked (tests).
                builder.TimeProvider = TimeProvider.System;
                builder
                    .AddTimeout(options.StripeTotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(300),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args =>
                            ValueTask.FromResult(IsTransient(args.Outcome) && IsSafeToRepeat(args.Context.GetRequestMessage(), args.Outcome.Result)),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        // Half of at least five calls within 30 s failing opens it.
                        FailureRatio = 0.5,
                        MinimumThroughput = 5,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = options.StripeCircuitBreak,
                    })
                    .AddTimeout(options.StripeAttemptTimeout);
            });
        return services;
    }

    /// <summary>Our Stripe client, its HTTP going through the pipeline (Stripe.net's own retries off: the pipeline does them).</summary>
    public static StripeClient CreateClient(IHttpClientFactory factory, PaymentOptions options) => new(
        options.StripeSecretKey,
        httpClient: new SystemNetHttpClient(factory.CreateClient(HttpClientName), maxNetworkRetries: 0),
        apiBase: string.IsNullOrWhiteSpace(options.StripeApiBase) ? null : options.StripeApiBase);

    /// <summary>
    /// Runs one Stripe call and turns "Stripe is unreachable, failing or too slow" (or the open
    /// circuit) into <see cref="ProviderUnavailableException"/>; Stripe's answers (declines,
    /// invalid requests) pass through unchanged.
    /// </summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && IsUnavailable(ex))
        {
            throw new ProviderUnavailableException("Stripe", ex);
        }
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        || outcome.Result?.StatusCode == HttpStatusCode.Conflict && ShouldRetryHeader(outcome.Result) == true;

    /// <summary>A GET, or a POST Stripe deduplicates by its idempotency key; and never when Stripe says not to.</summary>
    private static bool IsSafeToRepeat(HttpRequestMessage? request, HttpResponseMessage? response) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Headers.Contains("Idempotency-Key"))
        && (response is null || ShouldRetryHeader(response) != false);

    private static bool? ShouldRetryHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Stripe-Should-Retry", out var values) && bool.TryParse(values.FirstOrDefault(), out var value) ? value : null;

    private static bool IsUnavailable(Exception ex) => ex switch
    {
        BrokenCircuitException or TimeoutRejectedException or HttpRequestException or OperationCanceledException => true,
        StripeException { HttpStatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests } => true,
        _ => ex.InnerException is { } inner && IsUnavailable(inner),
    };
}
