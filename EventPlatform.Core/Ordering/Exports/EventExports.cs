using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>
/// An event's orders (one row per order) and attendees (one row per ticket) for its organizers, Analysts included.
/// The access check and the filter's validation happen before anything is written, so a caller can still answer
/// 404 or 400; the rows are then read while they are written (<see cref="ExportTable.Rows"/>), never held in memory.
/// </summary>
public sealed class EventExports(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess)
{
    public async Task<CommandResult<ExportTable>> OrdersAsync(Guid eventId, ExportFilter filter, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(eventId, filter, ct);
        return scope.Succeeded
            ? CommandResult<ExportTable>.Success(OrderExportRows.Table(dbFactory, scope.Value!))
            : CommandResult<ExportTable>.Failure(scope.Errors);
    }

    public async Task<CommandResult<ExportTable>> AttendeesAsync(Guid eventId, ExportFilter filter, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(eventId, filter, ct);
        return scope.Succeeded
            ? CommandResult<ExportTable>.Success(AttendeeExportRows.Table(dbFactory, scope.Value!))
            : CommandResult<ExportTable>.Failure(scope.Errors);
    }

    /// <summary>The event's sessions and ticket types, for the export panel's filters.</summary>
    public async Task<ExportScope> ScopeAsync(Guid eventId, CancellationToken ct = default) =>
        (await ScopeAsync(eventId, new ExportFilter(), ct)).Value!;

    private async Task<CommandResult<ExportScope>> ScopeAsync(Guid eventId, ExportFilter filter, CancellationToken ct)
    {
        // A short context of its own: the rows are read later, on another one that lives as long as their enumeration.
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Slug, e.TimeZone }).SingleAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Code)
            .Select(s => new ExportSession(s.Id, s.Code, s.Name)).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Sessions = t.Sessions.Select(s => s.SessionId).ToList() }).ToListAsync(ct);
        var questions = await db.EventQuestions.AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ThenBy(q => q.Label)
            .Select(q => new ExportQuestion(q.Id, q.Label)).ToListAsync(ct);

        var errors = new List<ValidationFailure>();
        if (filter.SessionId is { } session && sessions.All(s => s.Id != session))
        {
            errors.Add(new ValidationFailure("session", UserMessages.ExportSessionUnknown));
        }

        if (filter.TicketTypeId is { } type && types.All(t => t.Id != type))
        {
            errors.Add(new ValidationFailure("type", UserMessages.ExportTicketTypeUnknown));
        }

        if (filter is { From: { } from, To: { } to } && from > to)
        {
            errors.Add(new ValidationFailure("to", UserMessages.ExportDatesReversed));
        }

        return errors.Count > 0
            ? CommandResult<ExportScope>.Failure(errors)
            : CommandResult<ExportScope>.Success(new ExportScope(eventId, ev.Slug, ev.TimeZone, sessions,
                types.Select(t => new ExportTicketType(t.Id, t.Name, t.Sessions.ToHashSet())).ToList(), questions, filter));
    }

    /// <summary>The orders the filter keeps by their own fields (status, dates); ticket filters are the callers'.</summary>
    internal static IQueryable<Order> FilteredOrders(IAppDbContext db, ExportScope scope)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.EventId == scope.EventId);
        if (scope.Filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (scope.FromUtc is { } from)
        {
            orders = orders.Where(o => (o.PaidAt ?? o.CreatedAt) >= from);
        }

        if (scope.BeforeUtc is { } before)
        {
            orders = orders.Where(o => (o.PaidAt ?? o.CreatedAt) < before);
        }

        return orders;
    }
}
