using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Faults.Infrastructure;

/// <summary>What the money, the places and the mailbox say at one moment.</summary>
public sealed record LedgerFigures(
    int SucceededPayments,
    int PaidOrders,
    int RefundedPayments,
    int CancelledOrders,
    int Lost,
    int ChargedTwice,
    int RefundedTwice,
    int PendingRefunds,
    int PendingEmails,
    int EmailsExpected,
    int EmailsDelivered,
    int EmailsMissing,
    int EmailsDuplicated,
    int EmailsRedelivered,
    int Oversold,
    int CounterMismatches,
    IReadOnlyList<string> Problems)
{
    /// <summary>Every succeeded payment ended as a paid order or a refund; every email is out, once; counters hold.</summary>
    public bool Settled => Lost == 0 && PendingRefunds == 0 && PendingEmails == 0 && EmailsMissing == 0 && Problems.Count == 0;

    public override string ToString() =>
        $"payments {SucceededPayments} (paid orders {PaidOrders}, refunded {RefundedPayments}, cancelled orders {CancelledOrders}), " +
        $"lost {Lost}, charged twice {ChargedTwice}, refunded twice {RefundedTwice}, pending refunds {PendingRefunds}, " +
        $"emails {EmailsDelivered}/{EmailsExpected} (missing {EmailsMissing}, duplicated {EmailsDuplicated}, same message redelivered " +
            $"{EmailsRedelivered}, queued {PendingEmails}), " +
        $"oversold {Oversold}, counter mismatches {CounterMismatches}" + (Problems.Count == 0 ? "" : "; " + string.Join("; ", Problems.Take(5)));
}

/// <summary>
/// Reads the invariants (every succeeded payment paid or refunded once, with its email; nothing
/// oversold) straight from the database and the SMTP server's mailbox.
/// </summary>
public static class Ledger
{
    public static async Task<LedgerFigures> ReadAsync(FaultBench bench)
    {
        await using var db = await bench.Services.Db.CreateAsync();
        var intents = await db.SimulatedPaymentIntents.AsNoTracking().Where(i => i.Status == SimulatedIntentStatus.Succeeded).ToListAsync();
        var refunds = await db.SimulatedRefunds.AsNoTracking().ToListAsync();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Tickets).Where(o => o.EventId == bench.Sale.EventId).ToDictionaryAsync(o => o.Id);
        var problems = new List<string>();
        int lost = 0, refunded = 0;
        foreach (var intent in intents)
        {
            var fullyRefunded = intent.AmountRefundedMinor == intent.AmountMinor;
            var order = orders.GetValueOrDefault(intent.OrderId);
            var keptByOrder = order is { Status: OrderStatus.Paid } && order.PaymentIntentId == intent.Id && order.PaidMinor == intent.AmountMinor;
            if (fullyRefunded)
            {
                refunded++;
                if (keptByOrder)
                {
                    problems.Add($"order {order!.Number} is paid but its payment was refunded");
                }
            }
            else if (!keptByOrder)
            {
                lost++;
            }
        }

        var chargedTwice = intents.Where(i => i.AmountRefundedMinor < i.AmountMinor).GroupBy(i => i.OrderId).Count(g => g.Count() > 1);
        var refundedTwice = refunds.GroupBy(r => r.PaymentIntentId)
            .Count(g => g.Sum(r => r.AmountMinor) > intents.FirstOrDefault(i => i.Id == g.Key)?.AmountMinor);
        var pendingRefunds = await db.OrderRefunds.CountAsync(r => r.Status == RefundStatus.Pending);
        var pendingEmails = await db.OutboxEmails.CountAsync(e => e.Status == OutboxEmailStatus.Pending);

        foreach (var order in orders.Values.Where(o => o.Status == OrderStatus.Paid))
        {
            if (order.Tickets.Any(t => t.Status != TicketStatus.Valid))
            {
                problems.Add($"paid order {order.Number} has tickets that are not valid");
            }
        }

        // Counters equal tickets (the capacity ledger's own invariant).
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == bench.Sale.SessionIds[0]);
        var type = await db.TicketTypes.AsNoTracking().SingleAsync(t => t.Id == bench.TicketTypeId);
        var tickets = orders.Values.SelectMany(o => o.Tickets.Select(t => (t.Status, o.Status))).ToList();
        var valid = tickets.Count(t => t.Item1 == TicketStatus.Valid);
        var held = tickets.Count(t => t.Item1 == TicketStatus.Reserved && t.Item2 == OrderStatus.Pending);
        var mismatches = (session.Taken != valid + held ? 1 : 0) + (type.Taken != valid + held ? 1 : 0);
        if (mismatches > 0)
        {
            problems.Add($"counters taken {session.Taken}/{type.Taken} vs tickets valid {valid} + reserved {held}");
        }

        var oversold = session.Taken > session.Capacity ? 1 : 0;

        // Every email the buyers were owed, once: a confirmation per order ever confirmed, a cancellation per cancelled one.
        var messages = bench.Smtp.Headers();
        int expected = 0, delivered = 0, missing = 0, duplicated = 0, redelivered = 0;
        foreach (var order in orders.Values.Where(o => o.BuyerEmail is not null))
        {
            var owed = new List<string>();
            if (order.Status is OrderStatus.Paid or OrderStatus.Cancelled)
            {
                owed.Add("Your tickets for");
            }

            if (order.Status == OrderStatus.Cancelled)
            {
                owed.Add("Cancelled:");
            }

            if (order.RefundedLatePayment)
            {
                owed.Add("Refunded:");
            }

            foreach (var prefix in owed)
            {
                expected++;
                var copies = messages.Where(m => m.Subject.StartsWith(prefix, StringComparison.Ordinal)
                    && m.Subject.EndsWith($"({order.Number})", StringComparison.Ordinal)).ToList();
                // Two different emails about the same thing are a duplicate; the same Message-ID twice is one email delivered again.
                var distinct = copies.Select(m => m.MessageId).Distinct().Count();
                delivered += Math.Min(distinct, 1);
                missing += distinct == 0 ? 1 : 0;
                duplicated += distinct > 1 ? distinct - 1 : 0;
                redelivered += copies.Count - distinct;
            }
        }

        return new LedgerFigures(
            intents.Count,
            orders.Values.Count(o => o.Status == OrderStatus.Paid),
            refunded,
            orders.Values.Count(o => o.Status == OrderStatus.Cancelled),
            lost,
            chargedTwice,
            refundedTwice,
            pendingRefunds,
            pendingEmails,
            expected,
            delivered,
            missing,
            duplicated,
            redelivered,
            oversold,
            mismatches,
            problems);
    }

    /// <summary>Polls until everything is settled or <paramref name="bound"/> passes; returns the last figures and how long it took.</summary>
    public static async Task<(LedgerFigures Figures, TimeSpan Took)> WaitUntilSettledAsync(FaultBench bench, TimeSpan bound)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            LedgerFigures figures;
            try
            {
                figures = await ReadAsync(bench);
            }
            catch (Exception ex) when (Data.Common.Database.PostgresErrors.Instance.IsBusy(ex) && DateTime.UtcNow - started < bound)
            {
                // The suite's own pooled connections broke with a database restart.
                await Task.Delay(250);
                continue;
            }

            if (figures.Settled || DateTime.UtcNow - started > bound)
            {
                return (figures, DateTime.UtcNow - started);
            }

            await Task.Delay(250);
        }
    }
}
