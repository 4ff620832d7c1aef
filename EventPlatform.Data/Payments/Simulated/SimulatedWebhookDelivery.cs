using System.Text.Json;
using EventPlatform.Core.Common;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Data.Payments.Simulated;

/// <summary>
/// The simulated gateway's webhook sender, behaving as Stripe's: every event is queued in the
/// transaction of the change it reports, sent at once, and re-sent with backoff (5 s doubling,
/// at most 10 min apart, for 3 days) until our processor handles it. Several app instances may
/// run it: an event is claimed for a short lease before it is sent (<c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
public sealed class SimulatedWebhookDelivery(
    SimulatedGatewayDatabase dbFactory,
    IServiceScopeFactory scopes,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<SimulatedWebhookDelivery> logger)
{
    public const int BatchSize = 20;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    /// <summary>How long a claimed event is left to its sender before another may send it again.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    /// <summary>Adds the event to the caller's unit of work; returns its id.</summary>
    public string Enqueue(IAppDbContext db, string type, string payload)
    {
        var id = JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!;
        var now = clock.GetUtcNow();
        db.SimulatedWebhookEvents.Add(new SimulatedWebhookEvent { Id = id, Type = type, Payload = payload, CreatedAt = now, NextAttemptAt = now });
        return id;
    }

    /// <summary>Sends one just-committed event now, if nobody else is; a failure is left to the worker.</summary>
    public async Task DeliverNowAsync(string eventId, CancellationToken ct)
    {
        if (options.Value.SimulatedWebhooks == SimulatedWebhookMode.Never)
        {
            return;
        }

        try
        {
            await DeliverNextAsync(eventId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Simulated webhook {EventId} not delivered now; the worker retries it", eventId);
        }
    }

    /// <summary>Sends what is due (the worker's pass). Returns how many events were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        if (options.Value.SimulatedWebhooks == SimulatedWebhookMode.Never)
        {
            return 0;
        }

        var attempted = 0;
        while (attempted < BatchSize && await DeliverNextAsync(null, ct))
        {
            attempted++;
        }

        return attempted;
    }

    /// <summary>
    /// One event: claimed in a short transaction of its own, sent with no connection held, then its
    /// outcome recorded. Holding the row lock through the send would hold a pooled connection while
    /// the processor needs another (eleven with <see cref="SimulatedWebhookMode.Duplicate"/>): under
    /// an on-sale every connection ends up waiting for a second one and the pool runs dry.
    /// The claim is a lease instead — a killed process's claim lapses after <see cref="ClaimLease"/>,
    /// and reconciliation has asked the gateway about the payment well before that.
    /// </summary>
    private async Task<bool> DeliverNextAsync(string? onlyId, CancellationToken ct)
    {
        var webhook = await ClaimAsync(onlyId, ct);
        if (webhook is null)
        {
            return false;
        }

        string outcome;
        try
        {
            var copies = options.Value.SimulatedWebhooks == SimulatedWebhookMode.Duplicate ? 10 : 1;
            var results = await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => SendAsync(webhook.Payload, ct)));
            // Stripe counts a delivery as done on any 2xx; one of the copies is enough.
            outcome = results.Contains(WebhookOutcome.Handled) ? nameof(WebhookOutcome.Handled)
                : results.Contains(WebhookOutcome.Ignored) ? nameof(WebhookOutcome.Ignored)
                : results[0].ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            outcome = $"{ex.GetType().Name}: {ex.Message}";
        }

        // Recorded even when stopping: the event may already have been handled.
        await RecordAsync(webhook, outcome, CancellationToken.None);
        return true;
    }

    /// <summary>Takes the next due event (or the given one) by moving its next attempt past the lease.</summary>
    private async Task<SimulatedWebhookEvent?> ClaimAsync(string? onlyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var ids = await db.Database.SqlQuery<string>($"""
            UPDATE simulated_webhook_events SET next_attempt_at = {now + ClaimLease}
            WHERE id = (
                SELECT id FROM simulated_webhook_events
                WHERE delivered_at IS NULL AND next_attempt_at <= {now} AND ({onlyId}::text IS NULL OR id = {onlyId})
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : await db.SimulatedWebhookEvents.AsNoTracking().SingleAsync(e => e.Id == ids[0], ct);
    }

    private async Task RecordAsync(SimulatedWebhookEvent webhook, string outcome, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        db.SimulatedWebhookEvents.Attach(webhook);
        var now = clock.GetUtcNow();
        webhook.Attempts++;
        webhook.LastOutcome = outcome.Length > 500 ? outcome[..500] : outcome;
        if (outcome is nameof(WebhookOutcome.Handled) or nameof(WebhookOutcome.Ignored))
        {
            webhook.DeliveredAt = now;
        }
        else if (now - webhook.CreatedAt > GiveUpAfter)
        {
            // As Stripe does after three days; reconciliation has long asked about the payment by then.
            webhook.NextAttemptAt = DateTimeOffset.MaxValue;
            logger.LogError("Simulated webhook {EventId} ({Type}) given up after {Attempts} attempts: {Outcome}", webhook.Id, webhook.Type,
                webhook.Attempts, outcome);
        }
        else
        {
            var delay = FirstRetry * Math.Pow(2, Math.Min(webhook.Attempts - 1, 16));
            webhook.NextAttemptAt = now + (delay < LongestRetry ? delay : LongestRetry);
            logger.LogWarning("Simulated webhook {EventId} ({Type}) attempt {Attempt} answered {Outcome}; next try at {NextAttempt}", webhook.Id,
                webhook.Type, webhook.Attempts, outcome, webhook.NextAttemptAt);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<WebhookOutcome> SendAsync(string payload, CancellationToken ct)
    {
        // Signed with the wall clock at each attempt, as Stripe does: Stripe.net checks the 5-minute tolerance against it.
        var signature = SimulatedStripeEvents.Sign(payload, options.Value.WebhookSecret!, DateTimeOffset.UtcNow);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StripeWebhookProcessor>().ProcessAsync(payload, signature, ct);
    }
}
