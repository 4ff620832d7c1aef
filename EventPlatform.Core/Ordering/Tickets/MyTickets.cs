using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Tickets;

public sealed record MyTicket(Guid Id, int Position, string Code, string TicketTypeName, string? AttendeeName, TicketStatus Status);

public sealed record MyOrder(
    string AccessKey,
    string Number,
    string EventTitle,
    string EventSlug,
    string TimeZone,
    DateTimeOffset FirstStart,
    DateTimeOffset LastEnd,
    OrderStatus Status,
    IReadOnlyList<MyTicket> Tickets);

public sealed record MyTicketsView(IReadOnlyList<MyOrder> Upcoming, IReadOnlyList<MyOrder> Past);

/// <summary>
/// The signed-in person's orders: those bought while signed in, and those bought as a guest with
/// the same email once that email is confirmed on the account (docs/product.md, "Accounts": signing
/// in later shows them).
/// </summary>
public sealed class MyTickets(IAppDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<MyTicketsView> ExecuteAsync(CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct) ?? throw new AccessDeniedException(UserMessages.SignInRequired);
        await using var db = await dbFactory.CreateAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.NormalizedEmail, u.EmailConfirmed }).SingleAsync(ct);
        var email = user.EmailConfirmed ? user.NormalizedEmail : null;
        var orders = await db.Orders.AsNoTracking().Include(o => o.Tickets)
            .Where(o => o.Status == OrderStatus.Paid || o.Status == OrderStatus.Cancelled)
            .Where(o => o.BuyerUserId == userId || (email != null && o.NormalizedBuyerEmail == email))
            .Join(db.Events, o => o.EventId, e => e.Id, (o, e) => new
            {
                Order = o,
                e.Title,
                e.Slug,
                e.TimeZone,
                First = e.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
                Last = e.Sessions.Max(s => (DateTimeOffset?)s.EndsAt),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var mine = orders.Select(x => new MyOrder(
                x.Order.AccessKey, x.Order.Number, x.Title, x.Slug, x.TimeZone,
                x.First ?? DateTimeOffset.MaxValue, x.Last ?? DateTimeOffset.MaxValue, x.Order.Status,
                x.Order.Tickets.Where(t => t.Status is TicketStatus.Valid or TicketStatus.Cancelled).OrderBy(t => t.Position)
                    .Select(t => new MyTicket(t.Id, t.Position, t.Code, t.TicketTypeName, t.AttendeeName, t.Status)).ToList()))
            .ToList();
        return new MyTicketsView(
            mine.Where(o => o.LastEnd > now).OrderBy(o => o.FirstStart).ToList(),
            mine.Where(o => o.LastEnd <= now).OrderByDescending(o => o.FirstStart).ToList());
    }
}
