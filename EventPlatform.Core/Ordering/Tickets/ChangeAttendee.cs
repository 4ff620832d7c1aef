using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Tickets;

/// <summary>
/// Changes a ticket's attendee until the event starts: by the buyer through the order's key, or by
/// the organizer. Succeeds with <c>true</c> when the ticket got a new code (someone else holds it
/// now) and the buyer is emailed the new tickets.
/// </summary>
public sealed class ChangeAttendee(IAppDbContextFactory dbFactory, EventDefinitions definitions, CatalogAccess catalogAccess,
    OrderConfirmation confirmation, AuditTrail audit, TimeProvider clock)
{
    public async Task<CommandResult<bool>> ByBuyerAsync(string accessKey, Guid ticketId, string? name, string? email,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var orderId = await OrderViews.FindByKeyAsync(db, accessKey, ct) ?? throw new NotFoundException();
        return await UpdateAsync(db, orderId, ticketId, name, email, null, "buyer", ct);
    }

    public async Task<CommandResult<bool>> ByOrganizerAsync(Guid orderId, Guid ticketId, string? name, string? email,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireOrderAsync(db, orderId, OrgRole.Manager, ct);
        return await UpdateAsync(db, orderId, ticketId, name, email, grant.UserId, null, ct);
    }

    private async Task<CommandResult<bool>> UpdateAsync(IAppDbContext db, Guid orderId, Guid ticketId, string? name, string? email, Guid? actorUserId,
        string? actorLabel, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Add(new("Name", UserMessages.AttendeeNameRequired));
        }

        if (!string.IsNullOrWhiteSpace(email) && !EmailAddress.IsValid(email))
        {
            errors.Add(new("Email", UserMessages.AttendeeEmailInvalid));
        }

        var now = clock.GetUtcNow();
        var view = await OrderViews.LoadAsync(db, definitions, orderId, now, ct) ?? throw new NotFoundException();
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId && t.OrderId == orderId, ct) ?? throw new NotFoundException();
        if (!view.CanEditAttendees || ticket.Status != TicketStatus.Valid)
        {
            errors.Add(new("Name", UserMessages.AttendeeChangesClosed));
        }

        if (errors.Count > 0)
        {
            return CommandResult<bool>.Failure(errors);
        }

        var before = new AttendeeContact(ticket.AttendeeName, ticket.AttendeeEmail);
        ticket.AttendeeName = name!.Trim();
        ticket.AttendeeEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        var changed = !string.Equals(before.AttendeeName, ticket.AttendeeName, StringComparison.Ordinal)
            || !string.Equals(before.AttendeeEmail, ticket.AttendeeEmail, StringComparison.OrdinalIgnoreCase);
        if (changed)
        {
            // A new person, a new code: the QR the previous attendee was given (or forwarded, or
            // sold on) stops working, and the buyer is emailed the new tickets.
            ticket.Code = TicketCodes.NewTicketCode();
            var order = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Id == orderId, ct);
            await confirmation.QueueConfirmationEmailAsync(db, order, now, ct);
        }

        audit.Add(db, actorUserId, view.Order.OrganizationId, AuditActions.TicketAttendeeChanged, "Ticket", ticket.Id.ToString(),
            new TicketAttendeeChangedDetails(view.Order.Number, ticket.Position, before,
                new AttendeeContact(ticket.AttendeeName, ticket.AttendeeEmail), changed), actorLabel);
        await db.SaveChangesAsync(ct);
        return CommandResult<bool>.Success(changed);
    }
}
