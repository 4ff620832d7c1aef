using System.Runtime.CompilerServices;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>The orders export: one row per order, oldest first.</summary>
internal static class OrderExportRows
{
    public static ExportTable Table(IAppDbContextFactory dbFactory, ExportScope scope)
    {
        var zone = $"({scope.TimeZone})";
        ExportColumn[] columns =
        [
            new("Order number", ExportColumnKind.Text), new("Order status", ExportColumnKind.Text),
            new("Buyer name", ExportColumnKind.Text), new("Buyer email", ExportColumnKind.Text),
            new($"Ordered at {zone}", ExportColumnKind.DateTime), new($"Paid at {zone}", ExportColumnKind.DateTime),
            new("Tickets", ExportColumnKind.Count), new("Currency", ExportColumnKind.Text),
            new("Subtotal", ExportColumnKind.Amount), new("Discount", ExportColumnKind.Amount), new("Fee", ExportColumnKind.Amount),
            new("Fee paid by buyer", ExportColumnKind.Text), new("Total", ExportColumnKind.Amount), new("Paid", ExportColumnKind.Amount),
            new("Refunded", ExportColumnKind.Amount), new("Coupon", ExportColumnKind.Text), new("Paid offline", ExportColumnKind.Text),
        ];
        return new ExportTable("orders", scope.Slug, columns, RowsAsync(dbFactory, scope, CancellationToken.None));
    }

    private static async IAsyncEnumerable<object?[]> RowsAsync(IAppDbContextFactory dbFactory, ExportScope scope,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // The context is created inside the iterator, so it lives exactly as long as the enumeration (a pooled
        // context disposed earlier would be handed to someone else while its reader still streams).
        await using var db = await dbFactory.CreateAsync(ct);
        var orders = EventExports.FilteredOrders(db, scope);
        if (scope.FiltersTickets)
        {
            var types = scope.KeptTypeIds();
            orders = orders.Where(o => o.Tickets.Any(t => types.Contains(t.TicketTypeId)));
        }

        var rows = orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Select(o => new
        {
            o.Number, o.Status, o.BuyerName, o.BuyerEmail, o.CreatedAt, o.PaidAt, Tickets = o.Tickets.Count(), o.Currency, o.SubtotalMinor,
            o.DiscountMinor, o.FeeMinor, o.FeePassedToBuyer, o.TotalMinor, o.PaidMinor, o.RefundedMinor, o.CouponCode, o.PaidOffline,
        });
        await foreach (var o in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return
            [
                o.Number, o.Status.ToString(), o.BuyerName, o.BuyerEmail, scope.Local(o.CreatedAt), scope.Local(o.PaidAt), (long)o.Tickets,
                o.Currency, ExportCells.Amount(o.SubtotalMinor, o.Currency), ExportCells.Amount(o.DiscountMinor, o.Currency),
                ExportCells.Amount(o.FeeMinor, o.Currency), ExportCells.YesOrBlank(o.FeePassedToBuyer), ExportCells.Amount(o.TotalMinor, o.Currency),
                ExportCells.Amount(o.PaidMinor, o.Currency), ExportCells.Amount(o.RefundedMinor, o.Currency), o.CouponCode,
                ExportCells.YesOrBlank(o.PaidOffline),
            ];
        }
    }
}
