namespace EventPlatform.Core.Ordering;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    /// <summary>Places are held until <see cref="Order.HoldExpiresAt"/>; details and payment are pending.</summary>
    Pending,
    /// <summary>Paid (or free) and confirmed: its tickets are valid.</summary>
    Paid,
    /// <summary>Every ticket was cancelled after payment; what was paid is refunded (see <see cref="Order.RefundedMinor"/>).</summary>
    Cancelled,
    /// <summary>The hold ran out (or the buyer replaced the selection) before payment; its places were released.</summary>
    Expired,
}

/// <summary>Where a chargeback stands: the gateway's dispute statuses, folded to what the platform acts on.</summary>
public enum PaymentDisputeStatus
{
    /// <summary>The buyer's bank disputes the payment; the organizer answers in the gateway's dashboard.</summary>
    Open,
    /// <summary>Decided for the organizer: the money stays, the tickets are valid again.</summary>
    Won,
    /// <summary>Decided for the buyer: the money went back through the bank, the tickets stay refused.</summary>
    Lost,
}

/// <summary>
/// One purchase: the held places (as <see cref="Ticket"/> rows), the buyer, the price and the
/// payment. All amounts are minor units of <see cref="Currency"/>, computed on the server.
/// </summary>
public class Order
{
    public Guid Id { get; set; }
    /// <summary>Short reference people read out on the phone ("EP-7K3F9Q2M").</summary>
    public required string Number { get; set; }
    /// <summary>
    /// The unguessable part of the order's own address (/order/{key}), which is how a guest buyer
    /// sees, manages and cancels the order. 32 random bytes, like the ticket codes.
    /// </summary>
    public required string AccessKey { get; set; }
    public Guid EventId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? BuyerUserId { get; set; }
    public string? BuyerEmail { get; set; }
    /// <summary>Upper-case <see cref="BuyerEmail"/>, for matching a later sign-in with the same address.</summary>
    public string? NormalizedBuyerEmail { get; set; }

    public void SetBuyerEmail(string? email)
    {
        BuyerEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        NormalizedBuyerEmail = BuyerEmail?.ToUpperInvariant();
    }
    public string? BuyerName { get; set; }
    /// <summary>Member prices were given (the buyer was a confirmed customer member when holding).</summary>
    public bool IsMemberPricing { get; set; }
    // State is given at creation (a hold, demo data) and changed only by the transitions below,
    // each of which checks the state it starts from.
    private OrderStatus _status;
    private DateTimeOffset? _paidAt;
    private DateTimeOffset? _closedAt;

    public OrderStatus Status { get => _status; init => _status = value; }
    public required string Currency { get; set; }
    public long SubtotalMinor { get; set; }
    public long DiscountMinor { get; set; }
    public long FeeMinor { get; set; }
    /// <summary>The fee is added to what the buyer pays; otherwise the organizer absorbs it.</summary>
    public bool FeePassedToBuyer { get; set; }
    public long TotalMinor { get; set; }
    /// <summary>What the gateway actually captured (0 until paid).</summary>
    public long PaidMinor { get; set; }
    /// <summary>What has been refunded or is being refunded; never more than <see cref="PaidMinor"/> (a database check).</summary>
    public long RefundedMinor { get; set; }
    public Guid? CouponId { get; set; }
    public string? CouponCode { get; set; }
    public string? PaymentProvider { get; set; }
    public string? PaymentIntentId { get; set; }
    /// <summary>Why the last payment attempt failed, in the gateway's words, for the buyer.</summary>
    public string? PaymentFailureMessage { get; set; }
    /// <summary>When <see cref="PaymentIntentId"/> was attached: reconciliation asks the gateway about intents older than a few minutes.</summary>
    public DateTimeOffset? PaymentStartedAt { get; set; }
    /// <summary>When reconciliation last asked the gateway about this order's intent.</summary>
    public DateTimeOffset? PaymentCheckedAt { get; set; }
    /// <summary>
    /// The unpaid intent was cancelled at the gateway (the order expired long ago), so it can never
    /// be paid: reconciliation stops asking about it.
    /// </summary>
    public DateTimeOffset? PaymentClosedAt { get; set; }
    /// <summary>Details (email, attendees, answers) were saved and validated; payment may start.</summary>
    public bool DetailsCompleted { get; set; }
    public DateTimeOffset HoldExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get => _paidAt; init => _paidAt = value; }
    public DateTimeOffset? ClosedAt { get => _closedAt; init => _closedAt = value; }
    /// <summary>Paid after the hold had run out and the places were gone: the payment was refunded in full.</summary>
    public bool RefundedLatePayment { get; set; }
    /// <summary>Marked paid by the organizer (cash, invoice) rather than through the gateway.</summary>
    public bool PaidOffline { get; set; }

    /// <summary>A chargeback on the order's payment (charge.dispute.*): while open or lost, check-in refuses its tickets.</summary>
    public PaymentDisputeStatus? DisputeStatus { get; set; }
    /// <summary>The card network's reason for the dispute, in the gateway's words (e.g. "fraudulent").</summary>
    public string? DisputeReason { get; set; }
    /// <summary>The amount the buyer's bank disputes.</summary>
    public long DisputedMinor { get; set; }

    /// <summary>
    /// Since when something about the order's money needs the organizer (a refund that failed, a
    /// refund made outside the platform, a dispute); null once resolved. Listed on the organization page.
    /// </summary>
    public DateTimeOffset? AttentionSince { get; set; }
    /// <summary>What needs attention, for the organizer.</summary>
    public string? AttentionReason { get; set; }

    /// <summary>The network address the hold came from (see <see cref="Common.ClientIdentity"/>), for the hold limits.</summary>
    public string? ClientAddress { get; set; }
    /// <summary>The device cookie of the browser that held, for the hold limits.</summary>
    public string? ClientDevice { get; set; }

    public List<Ticket> Tickets { get; set; } = [];

    /// <summary>A payment may still confirm it: pending, or expired without its late payment having been refunded.</summary>
    public bool CanBePaid => _status == OrderStatus.Pending || (_status == OrderStatus.Expired && !RefundedLatePayment);

    /// <summary>The tickets a confirming payment makes valid (held, or released by the expired hold).</summary>
    public IReadOnlyList<Ticket> TicketsAwaitingPayment() => Tickets.Where(t => t.AwaitsPayment).ToList();

    /// <summary>The buyer's money that can still be given back.</summary>
    public long RefundableMinor => PaidMinor - RefundedMinor;

    /// <summary>
    /// What cancelling <paramref name="tickets"/> gives back: what they cost, but never more than is
    /// left after earlier refunds (an organizer may already have refunded part of the order).
    /// </summary>
    public long RefundFor(IEnumerable<Ticket> tickets) => Math.Min(tickets.Sum(t => t.PaidMinor), RefundableMinor);

    /// <summary>
    /// Confirms the order with what the gateway (or the organizer, offline) took: its tickets become
    /// valid. Refused (false, nothing changed) unless <see cref="CanBePaid"/>; taking the places is
    /// the caller's, in the same transaction.
    /// </summary>
    public bool MarkPaid(long paidMinor, DateTimeOffset now)
    {
        if (!CanBePaid)
        {
            return false;
        }

        foreach (var ticket in TicketsAwaitingPayment())
        {
            ticket.Validate();
        }

        _status = OrderStatus.Paid;
        _paidAt = now;
        PaidMinor = paidMinor;
        _closedAt = null;
        PaymentFailureMessage = null;
        return true;
    }

    /// <summary>
    /// The hold ended unpaid (ran out, or the buyer replaced the selection): held tickets are void.
    /// Refused (false) unless pending; releasing the places is the caller's, in the same transaction.
    /// </summary>
    public bool Expire(DateTimeOffset now)
    {
        if (_status != OrderStatus.Pending)
        {
            return false;
        }

        foreach (var ticket in Tickets)
        {
            ticket.VoidHold();
        }

        _status = OrderStatus.Expired;
        _closedAt = now;
        return true;
    }

    /// <summary>
    /// Cancels valid tickets of a paid order; the order is cancelled with its last valid ticket.
    /// Refunds and the released places are the caller's, in the same transaction.
    /// </summary>
    public void CancelTickets(IEnumerable<Ticket> targets, DateTimeOffset now)
    {
        if (_status != OrderStatus.Paid)
        {
            throw new InvalidOperationException($"Only a paid order's tickets can be cancelled; order {Number} is {_status}.");
        }

        foreach (var ticket in targets.Where(t => t.Status == TicketStatus.Valid))
        {
            ticket.Cancel(now);
        }

        if (Tickets.All(t => t.Status != TicketStatus.Valid))
        {
            _status = OrderStatus.Cancelled;
            _closedAt = now;
        }
    }
}
