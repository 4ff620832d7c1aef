namespace EventPlatform.Core.Ordering;

public enum TicketStatus
{
    /// <summary>Part of a pending order: a held place, not yet valid for entry.</summary>
    Reserved,
    /// <summary>Paid and valid for entry.</summary>
    Valid,
    /// <summary>Cancelled after payment (refunded).</summary>
    Cancelled,
    /// <summary>Its order expired before payment; never valid.</summary>
    Void,
}

/// <summary>
/// One place in one order, for one attendee. Created with the hold, so attendee details can be
/// entered during checkout; valid for entry only once the order is paid.
/// </summary>
public class Ticket
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid EventId { get; set; }
    public Guid TicketTypeId { get; set; }
    /// <summary>The name of the type when bought, so a later rename does not change a receipt.</summary>
    public required string TicketTypeName { get; set; }
    /// <summary>What the QR code carries: 32 random bytes, base64url (see <see cref="TicketCodes"/>).</summary>
    public required string Code { get; set; }
    public TicketStatus Status { get; set; }
    public string? AttendeeName { get; set; }
    public string? AttendeeEmail { get; set; }
    /// <summary>Answers to the event's questions, by question id.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    public long UnitPriceMinor { get; set; }
    /// <summary>This ticket's share of the order's discount.</summary>
    public long DiscountMinor { get; set; }
    /// <summary>This ticket's share of the fee the buyer paid (0 when the organizer absorbs it).</summary>
    public long FeeMinor { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public int Position { get; set; }

    /// <summary>What the buyer paid for this ticket, and so the most a refund of it returns.</summary>
    public long PaidMinor => UnitPriceMinor - DiscountMinor + FeeMinor;
}
