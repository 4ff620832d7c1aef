using System.Runtime.CompilerServices;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>
/// The attendees export: one row per ticket, by order (oldest first) then position. Besides the attendee and the
/// money, one column per session of the event ("yes" when the ticket's type includes it), one per checkout question,
/// and one per session with the time the ticket was checked in there (undone check-ins left out).
/// </summary>
internal static class AttendeeExportRows
{
    public static ExportTable Table(IAppDbContextFactory dbFactory, ExportScope scope)
    {
        var zone = $"({scope.TimeZone})";
        var columns = new List<ExportColumn>
        {
            new("Attendee name", ExportColumnKind.Text), new("Attendee email", ExportColumnKind.Text),
            new("Ticket type", ExportColumnKind.Text), new("Ticket status", ExportColumnKind.Text),
            new("Order number", ExportColumnKind.Text), new("Order status", ExportColumnKind.Text),
            new("Buyer name", ExportColumnKind.Text), new("Buyer email", ExportColumnKind.Text),
            new($"Ordered at {zone}", ExportColumnKind.DateTime), new($"Paid at {zone}", ExportColumnKind.DateTime),
            new("Currency", ExportColumnKind.Text), new("Unit price", ExportColumnKind.Amount), new("Discount", ExportColumnKind.Amount),
            new("Fee paid", ExportColumnKind.Amount),
        };
        columns.AddRange(scope.Sessions.Select(s => new ExportColumn(s.Label, ExportColumnKind.Text)));
        columns.AddRange(scope.Questions.Select(q => new ExportColumn(q.Label, ExportColumnKind.Text)));
        columns.AddRange(scope.Sessions.Select(s => new ExportColumn($"Checked in {s.Label} {zone}", ExportColumnKind.DateTime)));
        return new ExportTable("attendees", scope.Slug, columns, RowsAsync(dbFactory, scope, columns.Count, CancellationToken.None));
    }

    private static async IAsyncEnumerable<object?[]> RowsAsync(IAppDbContextFactory dbFactory, ExportScope scope, int width,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Created inside the iterator: the pooled context lives exactly as long as the enumeration.
        await using var db = await dbFactory.CreateAsync(ct);
        var pairs = EventExports.FilteredOrders(db, scope).SelectMany(o => o.Tickets, (o, t) => new { Order = o, Ticket = t });
        if (scope.FiltersTickets)
        {
            var types = scope.KeptTypeIds();
            pairs = pairs.Where(p => types.Contains(p.Ticket.TicketTypeId));
        }

        // One statement, streamed: each ticket's live check-ins come as a joined collection (a handful of rows per ticket).
        var rows = pairs.OrderBy(p => p.Order.CreatedAt).ThenBy(p => p.Order.Id).ThenBy(p => p.Ticket.Position).Select(p => new
        {
            p.Ticket.AttendeeName, p.Ticket.AttendeeEmail, p.Ticket.TicketTypeId, p.Ticket.TicketTypeName, TicketStatus = p.Ticket.Status,
            p.Order.Number, OrderStatus = p.Order.Status, p.Order.BuyerName, p.Order.BuyerEmail, p.Order.CreatedAt, p.Order.PaidAt,
            p.Order.Currency, p.Ticket.UnitPriceMinor, p.Ticket.DiscountMinor, p.Ticket.FeeMinor, p.Ticket.Answers,
            CheckIns = db.CheckIns.Where(c => c.TicketId == p.Ticket.Id && c.UndoneAt == null)
                .Select(c => new { c.SessionId, c.CheckedInAt }).ToList(),
        });
        var included = scope.TicketTypes.ToDictionary(t => t.Id, t => t.SessionIds);
        var sessions = scope.Sessions;
        var questions = scope.Questions;
        await foreach (var t in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var row = new object?[width];
            object?[] fixedCells =
            [
                t.AttendeeName, t.AttendeeEmail, t.TicketTypeName, t.TicketStatus.ToString(), t.Number, t.OrderStatus.ToString(), t.BuyerName,
                t.BuyerEmail, scope.Local(t.CreatedAt), scope.Local(t.PaidAt), t.Currency, ExportCells.Amount(t.UnitPriceMinor, t.Currency),
                ExportCells.Amount(t.DiscountMinor, t.Currency), ExportCells.Amount(t.FeeMinor, t.Currency),
            ];
            fixedCells.CopyTo(row, 0);
            var next = fixedCells.Length;
            var sessionsOfType = included.GetValueOrDefault(t.TicketTypeId);
            foreach (var session in sessions)
            {
                row[next++] = ExportCells.YesOrBlank(sessionsOfType?.Contains(session.Id) == true);
            }

            foreach (var question in questions)
            {
                row[next++] = t.Answers.GetValueOrDefault(question.AnswerKey);
            }

            foreach (var session in sessions)
            {
                row[next++] = scope.Local(t.CheckIns.Where(c => c.SessionId == session.Id).Select(c => (DateTimeOffset?)c.CheckedInAt).Min());
            }

            yield return row;
        }
    }
}
