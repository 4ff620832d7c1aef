namespace EventPlatform.Core.Reporting;

/// <summary>One local calendar day of sales: orders and tickets paid that day, and the day's money per currency.</summary>
public sealed record SalesDay(DateOnly Day, int Orders, int Tickets, IReadOnlyList<SalesMoney> Money)
{
    public SalesMoney In(string currency) => Money.FirstOrDefault(m => m.Currency == currency) ?? SalesMoney.Zero(currency);
}

/// <summary>
/// Sales totals per currency and the same figures day by day, every day of the range present (a
/// day without sales is a zero, so charts do not skip it). Totals are the sums of the days, so a
/// tile and its chart can never disagree.
/// </summary>
public sealed record SalesSummary(IReadOnlyList<SalesMoney> Totals, int Orders, int Tickets, IReadOnlyList<SalesDay> Days)
{
    /// <summary>Days beyond this many before the last are summed into the totals but not listed (a chart of years is unreadable).</summary>
    public const int MaxDays = 366;

    public IReadOnlyList<string> Currencies => [.. Totals.Select(t => t.Currency)];

    public SalesMoney TotalIn(string currency) => Totals.FirstOrDefault(m => m.Currency == currency) ?? SalesMoney.Zero(currency);

    /// <summary>
    /// Builds the summary from per-day rows. The days listed run from the first day with a sale or
    /// refund (or <paramref name="from"/>, when earlier) to <paramref name="to"/> (or the last day
    /// with activity, when later).
    /// </summary>
    public static SalesSummary From(IReadOnlyList<SoldOnDay> sold, IReadOnlyList<RefundedOnDay> refunded, DateOnly? from, DateOnly to)
    {
        var money = new Dictionary<(DateOnly Day, string Currency), SalesMoney>();
        foreach (var s in sold)
        {
            Add(money, s.Day, new SalesMoney(s.Currency, s.Gross, s.Discounts, s.FeesPassedToBuyers, s.FeesAbsorbed, 0, 0));
        }

        foreach (var r in refunded)
        {
            Add(money, r.Day, new SalesMoney(r.Currency, 0, 0, 0, 0, r.FeesReturned, r.Refunds));
        }

        var activeDays = money.Keys.Select(k => k.Day).ToList();
        var totals = money.Values.GroupBy(m => m.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(SalesMoney.Zero(g.Key), (sum, m) => sum.Add(m))).ToList();
        var orders = sold.Sum(s => s.Orders);
        var tickets = sold.Sum(s => s.Tickets);
        if (activeDays.Count == 0)
        {
            return new SalesSummary(totals, orders, tickets, []);
        }

        var first = from is { } f && f < activeDays.Min() ? f : activeDays.Min();
        var last = activeDays.Max() > to ? activeDays.Max() : to;
        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            first = last.AddDays(-(MaxDays - 1));
        }

        var counts = sold.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => (Orders: g.Sum(s => s.Orders), Tickets: g.Sum(s => s.Tickets)));
        var currencies = totals.Select(t => t.Currency).ToList();
        var days = new List<SalesDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var (dayOrders, dayTickets) = counts.GetValueOrDefault(day);
            days.Add(new SalesDay(day, dayOrders, dayTickets,
                currencies.Select(c => money.GetValueOrDefault((day, c)) ?? SalesMoney.Zero(c)).ToList()));
        }

        return new SalesSummary(totals, orders, tickets, days);
    }

    private static void Add(Dictionary<(DateOnly, string), SalesMoney> money, DateOnly day, SalesMoney part) =>
        money[(day, part.Currency)] = money.TryGetValue((day, part.Currency), out var sum) ? sum.Add(part) : part;
}
