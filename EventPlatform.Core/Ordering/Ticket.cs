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
    // State is given at creation (a hold, demo data) and changed only by the transitions below.
    private TicketStatus _status;
    private DateTimeOffset? _cancelledAt;

    public TicketStatus Status { get => _status; init => _status = value; }
    public string? AttendeeName { get; set; }
    public string? AttendeeEmail { get; set; }
    /// <summary>Answers to the event's questions, by question id.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    public long UnitPriceMinor { get; set; }
    /// <summary>This ticket's share of the order's discount.</summary>
    public long DiscountMinor { get; set; }
    /// <summary>This ticket's share of the fee the buyer paid (0 when the organizer absorbs it).</summary>
    public long FeeMinor { get; set; }
    public DateTimeOffset? CancelledAt { get => _cancelledAt; init => _cancelledAt = value; }
    public int Position { get; set; }

    /// <summary>What the buyer paid for this ticket, and so the most a refund of it returns.</summary>
    public long PaidMinor => UnitPriceMinor - DiscountMinor + FeeMinor;

    /// <summary>Held (or released by an expired hold) places that a payment can still make valid.</summary>
    public bool AwaitsPayment => _status is TicketStatus.Reserved or TicketStatus.Void;

    /// <summary>Its order was paid: the ticket admits its holder.</summary>
    internal void Validate() => _status = TicketStatus.Valid;

    /// <summary>Its order's hold ended unpaid: the place went back on sale.</summary>
    internal void VoidHold()
    {
        if (_status == TicketStatus.Reserved)
        {
            _status = TicketStatus.Void;
        }
    }

    /// <summary>Cancelled after payment (and refunded by the caller): refused at the door from now on.</summary>
    internal void Cancel(DateTimeOffset now)
    {
        _status = TicketStatus.Cancelled;
        _cancelledAt = now;
    }
}
