namespace EventPlatform.Core.Reporting;

/// <summary>Whose sales to count: an organization's, one of its events', or the orders with a ticket for one session.</summary>
/// <param name="PaidSince">Only orders paid (and refunds made) at or after this instant.</param>
public sealed record SalesScope(Guid OrganizationId, Guid? EventId = null, Guid? SessionId = null, DateTimeOffset? PaidSince = null);

/// <summary>Sales of one day (in the zone asked for) and currency, by the day the orders were paid.</summary>
/// <param name="Tickets">Tickets in those orders (with a session filter: tickets for that session).</param>
public sealed record SoldOnDay(DateOnly Day, string Currency, int Orders, int Tickets, long Gross, long Discounts, long FeesPassedToBuyers,
    long FeesAbsorbed);

/// <summary>Refunds of one day (in the zone asked for) and currency, with the platform fees they gave back.</summary>
public sealed record RefundedOnDay(DateOnly Day, string Currency, long Refunds, long FeesReturned);

/// <summary>
/// Sales and refunds grouped by local calendar day. Days depend on a time zone, which LINQ cannot
/// say portably, so the Data project implements this for PostgreSQL (<c>AT TIME ZONE</c>).
/// The definitions of the figures are <see cref="SalesMoney"/>'s.
/// </summary>
public interface ISalesByDay
{
    Task<IReadOnlyList<SoldOnDay>> SoldAsync(SalesScope scope, string timeZone, CancellationToken ct);

    Task<IReadOnlyList<RefundedOnDay>> RefundedAsync(SalesScope scope, string timeZone, CancellationToken ct);
}
