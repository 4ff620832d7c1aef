using System.Globalization;
using System.Text;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>
/// What one purchase costs the database, step by step: purchases one after the other on a quiet
/// event, with pg_stat_statements read between steps. Statements are what the server executed
/// (BEGIN and COMMIT included; not the pool's reset of a reused connection, <c>DISCARD ALL</c>,
/// which Npgsql prepends to the checkout's first statement), split into the app's and the simulated gateway's (its tables stand for
/// Stripe's servers, which in production answer over HTTP; the demo card form's one query of the
/// orders table is tagged as the gateway's). Checkouts of the connection pools are counted in the
/// process (<see cref="ConnectionOpens"/>): the use cases', the live relay's and the gateway's apart.
/// </summary>
internal static class PurchaseCost
{
    private const int Purchases = 20;
    private static long _snapshots;
    private static readonly string[] Steps = ["hold", "details", "intent", "pay + webhook + confirmation"];

    public sealed record StepCost(string Step, double AppStatements, double GatewayStatements, double Checkouts, double RelayCheckouts,
        double GatewayCheckouts);

    public static async Task<IReadOnlyList<StepCost>> MeasureAsync(BenchHost host, bool profile)
    {
        if (profile)
        {
            await PrintStatementsPerStepAsync(host);
        }

        var sale = await OnSaleEvent.SeedAsync(host.Db, "cost-probe");
        using var counting = ConnectionOpens.Counting();
        var totals = Steps.ToDictionary(s => s, _ => new Counts(0, 0, 0, 0, 0));
        for (var i = 0; i < Purchases; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var before = await SnapshotAsync(host);
            var hold = await PurchaseSteps.HoldAsync(services, sale.EventId, sale.Types[2].Id, 2);
            if (!hold.Succeeded)
            {
                throw new InvalidOperationException("The cost probe's hold failed: " + hold.Errors[0].Message);
            }

            var key = hold.Value!.AccessKey;
            async Task StepAsync(string step, Func<Task> run)
            {
                await run();
                var after = await SnapshotAsync(host);
                totals[step] = totals[step] + (after - before);
                before = after;
            }

            await StepAsync("hold", () => Task.CompletedTask);
            await StepAsync("details", () => PurchaseSteps.DetailsAsync(services, key, $"probe{i}@bench.test"));
            await StepAsync("intent", () => PurchaseSteps.IntentAsync(services, key));
            await StepAsync("pay + webhook + confirmation", async () =>
            {
                if (!await PurchaseSteps.PayAsync(services, key))
                {
                    throw new InvalidOperationException("The cost probe's payment did not confirm.");
                }
            });
        }

        return Steps.Select(s => new StepCost(s, totals[s].App / (double)Purchases, totals[s].Gateway / (double)Purchases,
            totals[s].Checkouts / (double)Purchases, totals[s].RelayCheckouts / (double)Purchases,
            totals[s].GatewayCheckouts / (double)Purchases)).ToList();
    }

    /// <summary>With <c>--profile</c>: one purchase more, each step's statements printed to stderr (before the counted purchases).</summary>
    private static async Task PrintStatementsPerStepAsync(BenchHost host)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, "cost-profile");
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        string? key = null;
        var steps = new (string Step, Func<Task> Run)[]
        {
            ("hold", async () => key = (await PurchaseSteps.HoldAsync(services, sale.EventId, sale.Types[2].Id, 2)).Value?.AccessKey
                ?? throw new InvalidOperationException("The profiled purchase's hold failed.")),
            ("details", () => PurchaseSteps.DetailsAsync(services, key!, "profile@bench.test")),
            ("intent", () => PurchaseSteps.IntentAsync(services, key!)),
            ("pay + webhook + confirmation", () => PurchaseSteps.PayAsync(services, key!)),
        };
        foreach (var (step, run) in steps)
        {
            await DatabaseProfile.ResetAsync(host);
            await run();
            Console.Error.WriteLine($"Statements of the step \"{step}\" (one purchase; the profile's own reset included):");
            Console.Error.WriteLine(await DatabaseProfile.TopStatementsAsync(host));
        }
    }

    public static string Describe(IReadOnlyList<StepCost> costs)
    {
        var text = new StringBuilder()
            .AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Per purchase ({Purchases} purchases of 2 tickets one after the other, no contention; from pg_stat_statements): the app's ") +
                "statements and pool checkouts (the use cases', and the live relay's NOTIFY to other instances, sent after the change " +
                "and coalesced per event over 20 ms, so one per change when purchases come one at a time), and the simulated gateway's " +
                "(Stripe's side in production, on a pool of its own).").AppendLine()
            .AppendLine("| step | app statements | gateway statements | app checkouts | live relay checkouts | gateway checkouts |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var c in costs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Step} | {c.AppStatements:0.#} | {c.GatewayStatements:0.#} | {c.Checkouts:0.#} | {c.RelayCheckouts:0.#} | " +
                $"{c.GatewayCheckouts:0.#} |");
        }

        var (app, gateway) = (costs.Sum(c => c.AppStatements), costs.Sum(c => c.GatewayStatements));
        var (checkouts, relay) = (costs.Sum(c => c.Checkouts), costs.Sum(c => c.RelayCheckouts));
        var gatewayCheckouts = costs.Sum(c => c.GatewayCheckouts);
        return text.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** | **{app:0.#}** | {gateway:0.#} | **{checkouts:0.#}** | {relay:0.#} | {gatewayCheckouts:0.#} |").ToString();
    }

    private readonly record struct Counts(long App, long Gateway, long Checkouts, long RelayCheckouts, long GatewayCheckouts)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.App + b.App, a.Gateway + b.Gateway, a.Checkouts + b.Checkouts,
            a.RelayCheckouts + b.RelayCheckouts, a.GatewayCheckouts + b.GatewayCheckouts);

        public static Counts operator -(Counts a, Counts b) => new(a.App - b.App, a.Gateway - b.Gateway, a.Checkouts - b.Checkouts,
            a.RelayCheckouts - b.RelayCheckouts, a.GatewayCheckouts - b.GatewayCheckouts);
    }

    /// <summary>Totals so far, read on an unpooled connection (a pooled one would add a checkout of its own).</summary>
    private static async Task<Counts> SnapshotAsync(BenchHost host)
    {
        // Taken before this snapshot's own connection opens (and without the earlier snapshots' opens).
        var (checkouts, relay, gateway) = (ConnectionOpens.Count - _snapshots++, ConnectionOpens.RelayCount, ConnectionOpens.GatewayCount);
        var unpooled = new NpgsqlConnectionStringBuilder(host.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("""
            SELECT coalesce(sum(calls) FILTER (WHERE NOT reset AND query !~* 'simulated_'), 0)::bigint,
                   coalesce(sum(calls) FILTER (WHERE NOT reset AND query ~* 'simulated_'), 0)::bigint,
                   0::bigint
            FROM (SELECT calls, query, query = 'DISCARD ALL' AS reset
                  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%') s
            """, connection);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), checkouts, relay, gateway);
    }
}
