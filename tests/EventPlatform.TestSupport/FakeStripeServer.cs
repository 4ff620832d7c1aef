using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EventPlatform.TestSupport;

/// <summary>How the fake Stripe answers the next requests.</summary>
public enum FakeStripeBehaviour
{
    /// <summary>A payment intent awaiting payment, as Stripe answers creating or reading one.</summary>
    Answer,
    /// <summary>503 Service Unavailable.</summary>
    Fail,
    /// <summary>Never answers (until the request is abandoned).</summary>
    Hang,
}

/// <summary>
/// A local Kestrel server standing in for api.stripe.com, so the real Stripe.net client and its
/// resilience pipeline can be driven through failures and hangs. It records every request it sees.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeStripeBehaviour> _script = new();

    private FakeStripeServer(WebApplication app) => _app = app;

    public FakeStripeBehaviour Behaviour { get; set; } = FakeStripeBehaviour.Answer;

    /// <summary>Method, path and Idempotency-Key of every request, in arrival order.</summary>
    public ConcurrentQueue<(string Method, string Path, string? IdempotencyKey)> Requests { get; } = new();

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The next requests behave as listed, one each; after them, <see cref="Behaviour"/>.</summary>
    public void Then(params FakeStripeBehaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _script.Enqueue(behaviour);
        }
    }

    public static async Task<FakeStripeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeStripeServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers["Idempotency-Key"].FirstOrDefault()));
        var behaviour = _script.TryDequeue(out var next) ? next : Behaviour;
        switch (behaviour)
        {
            case FakeStripeBehaviour.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                return;
            case FakeStripeBehaviour.Fail:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new { error = new { type = "api_error", message = "Stripe is having a bad day." } });
                return;
            default:
                var id = context.Request.Path.StartsWithSegments("/v1/payment_intents", out var rest) && rest.HasValue && rest.Value!.Length > 1
                    ? rest.Value!.Trim('/').Split('/')[0]
                    : "pi_fake_" + Guid.NewGuid().ToString("N")[..12];
                await context.Response.WriteAsJsonAsync(new
                {
                    id,
                    @object = "payment_intent",
                    amount = 2500,
                    currency = "eur",
                    status = "requires_payment_method",
                    client_secret = id + "_secret_fake",
                });
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
