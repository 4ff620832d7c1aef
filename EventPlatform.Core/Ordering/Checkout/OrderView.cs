using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Checkout;

public sealed record OrderSessionView(string Code, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt) : ICalendarSession
{
    public Guid Id { get; init; }
}

/// <summary>One ticket of an order, with its price split the way the order's summary splits the total.</summary>
/// <param name="UnitPrice">The ticket type's price when bought (a line of the summary's subtotal).</param>
/// <param name="Discount">This ticket's share of the order's discount (zero without a code).</param>
/// <param name="Fee">This ticket's share of the service fee the buyer paid (zero when the organizer absorbs it).</param>
/// <param name="Paid">What the buyer paid for it: <paramref name="UnitPrice"/> − <paramref name="Discount"/> + <paramref name="Fee"/>,
/// and so the most that cancelling it gives back.</param>
public sealed record OrderTicketView(
    Guid Id,
    int Position,
    Guid TicketTypeId,
    string TicketTypeName,
    string Code,
    TicketStatus Status,
    string? AttendeeName,
    string? AttendeeEmail,
    IReadOnlyDictionary<string, string> Answers,
    Money UnitPrice,
    Money Discount,
    Money Fee,
    Money Paid,
    IReadOnlyList<string> SessionCodes);

public sealed record OrderQuestionView(Guid Id, string Label, QuestionKind Kind, IReadOnlyList<string> Options, bool IsRequired);

/// <summary>Everything the checkout, confirmation and order pages show about one order.</summary>
public sealed record OrderView(
    Order Order,
    Event Event,
    string OrganizationName,
    IReadOnlyList<OrderSessionView> Sessions,
    IReadOnlyList<OrderTicketView> Tickets,
    IReadOnlyList<OrderQuestionView> Questions,
    bool HoldActive,
    bool CanCancel,
    string? CancelBlockedReason,
    bool CanEditAttendees)
{
    public Money Subtotal => new(Order.SubtotalMinor, Order.Currency);
    public Money Discount => new(Order.DiscountMinor, Order.Currency);
    public Money Fee => new(Order.FeeMinor, Order.Currency);
    public Money Total => new(Order.TotalMinor, Order.Currency);
    public Money Refunded => new(Order.RefundedMinor, Order.Currency);

    /// <summary>What cancelling the whole order would give back now (the same rule the cancellation applies).</summary>
    public Money RefundIfCancelled => new(Order.RefundFor(Order.Tickets.Where(t => t.Status == TicketStatus.Valid)), Order.Currency);
    public DateTimeOffset FirstStart => Sessions.Count == 0 ? DateTimeOffset.MaxValue : Sessions.Min(s => s.StartsAt);
}

/// <summary>Reads an order and its context for display.</summary>
public static class OrderViews
{
    public static async Task<OrderView?> LoadAsync(IAppDbContext db, EventDefinitions definitions, Guid orderId, DateTimeOffset now,
        CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null ? null : await ForLoadedAsync(db, definitions, order, now, ct);
    }

    /// <summary>By access key, without a separate look-up of the id.</summary>
    public static async Task<OrderView?> LoadByKeyAsync(IAppDbContext db, EventDefinitions definitions, string? accessKey, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!IsPlausibleKey(accessKey))
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleOrDefaultAsync(o => o.AccessKey == accessKey, ct);
        return order is null ? null : await ForLoadedAsync(db, definitions, order, now, ct);
    }

    /// <summary>
    /// The view of an order already read with its tickets (tracked or not). The rest comes from the
    /// event's cached definition (read through <paramref name="db"/> when it is not cached).
    /// </summary>
    public static async Task<OrderView> ForLoadedAsync(IAppDbContext db, EventDefinitions definitions, Order order, DateTimeOffset now,
        CancellationToken ct)
    {
        var definition = await definitions.GetAsync(db, order.EventId, ct)
            ?? throw new InvalidOperationException($"Order {order.Id} belongs to no event.");
        var ev = definition.Event;
        var sessionsById = definition.Sessions.ToDictionary(s => s.Id);
        var typeIds = order.Tickets.Select(t => t.TicketTypeId).ToHashSet();
        var links = definition.TicketTypes.Where(t => typeIds.Contains(t.Id))
            .SelectMany(t => t.Sessions.Where(l => sessionsById.ContainsKey(l.SessionId))
                .Select(l => (TypeId: t.Id, Session: sessionsById[l.SessionId])))
            .ToList();
        var sessions = links.Select(l => l.Session).DistinctBy(s => s.Code).OrderBy(s => s.StartsAt)
            .Select(s => new OrderSessionView(s.Code, s.Name, s.StartsAt, s.EndsAt) { Id = s.Id }).ToList();
        var codesByType = links.GroupBy(l => l.TypeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(l => l.Session.StartsAt).Select(l => l.Session.Code).ToList());
        var questions = definition.Questions.Select(q => new OrderQuestionView(q.Id, q.Label, q.Kind, q.Options, q.IsRequired)).ToList();
        var tickets = order.Tickets.OrderBy(t => t.Position).Select(t => new OrderTicketView(
            t.Id, t.Position, t.TicketTypeId, t.TicketTypeName, t.Code, t.Status, t.AttendeeName, t.AttendeeEmail, t.Answers,
            new Money(t.UnitPriceMinor, order.Currency), new Money(t.DiscountMinor, order.Currency), new Money(t.FeeMinor, order.Currency),
            new Money(t.PaidMinor, order.Currency), codesByType.GetValueOrDefault(t.TicketTypeId, []))).ToList();

        var firstStart = sessions.Count == 0 ? DateTimeOffset.MaxValue : sessions.Min(s => s.StartsAt);
        var cancelProblem = RefundWindow.Problem(ev, firstStart, now);
        var hasValid = order.Tickets.Any(t => t.Status == TicketStatus.Valid);
        return new OrderView(
            order, ev, definition.OrganizationName, sessions, tickets, questions,
            HoldActive: order.Status == OrderStatus.Pending && now < order.HoldExpiresAt,
            CanCancel: order.Status == OrderStatus.Paid && hasValid && cancelProblem is null,
            CancelBlockedReason: order.Status == OrderStatus.Paid && hasValid ? cancelProblem : null,
            CanEditAttendees: order.Status == OrderStatus.Paid && hasValid && now < firstStart);
    }

    public static async Task<Guid?> FindByKeyAsync(IAppDbContext db, string? accessKey, CancellationToken ct) =>
        IsPlausibleKey(accessKey)
            ? await db.Orders.Where(o => o.AccessKey == accessKey).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>The order itself (untracked, without tickets) when the caller needs more than its id.</summary>
    public static async Task<Order?> FindOrderByKeyAsync(IAppDbContext db, string? accessKey, CancellationToken ct) =>
        IsPlausibleKey(accessKey)
            ? await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.AccessKey == accessKey, ct)
            : null;

    /// <summary>Worth a query: not empty, and no longer than any key we issue.</summary>
    public static bool IsPlausibleKey([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? accessKey) =>
        !string.IsNullOrWhiteSpace(accessKey) && accessKey.Length <= 64;
}

/// <summary>The event's refund window (docs/product.md, "5. Tickets and orders after purchase": buyers cancel within it).</summary>
public static class RefundWindow
{
    /// <summary>Why a buyer cannot cancel now, or null when they can.</summary>
    public static string? Problem(Event ev, DateTimeOffset firstStart, DateTimeOffset now)
    {
        if (ev.RefundableUntilHoursBefore is not { } hours)
        {
            return UserMessages.NotRefundable;
        }

        return now <= firstStart - TimeSpan.FromHours(hours) ? null : UserMessages.RefundWindowClosed;
    }
}
