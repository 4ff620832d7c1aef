using EventPlatform.Core.Ordering;

namespace EventPlatform.Core.Tests.Ordering;

/// <summary>An order's state changes only through its own transitions, each checking where it starts from.</summary>
public class OrderTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Order NewOrder(OrderStatus status, params TicketStatus[] tickets)
    {
        var order = new Order { Number = "EP-TEST", AccessKey = "key", Currency = "EUR", Status = status, TotalMinor = 1000 * tickets.Length };
        for (var i = 0; i < tickets.Length; i++)
        {
            order.Tickets.Add(new Ticket { TicketTypeName = "Day", Code = "c" + i, Status = tickets[i], UnitPriceMinor = 1000, Position = i + 1 });
        }

        return order;
    }

    [Fact]
    public void MarkPaid_WhenPending_ValidatesTheHeldTickets()
    {
        var order = NewOrder(OrderStatus.Pending, TicketStatus.Reserved, TicketStatus.Reserved);

        Assert.True(order.MarkPaid(2000, Now));

        Assert.Equal((OrderStatus.Paid, 2000L, Now), (order.Status, order.PaidMinor, order.PaidAt!.Value));
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Valid, t.Status));
    }

    [Fact]
    public void MarkPaid_AfterExpiry_TakesTheVoidTicketsBack_UnlessTheLatePaymentWasRefunded()
    {
        var late = NewOrder(OrderStatus.Expired, TicketStatus.Void);
        Assert.True(late.MarkPaid(1000, Now));
        Assert.Null(late.ClosedAt);

        var refunded = NewOrder(OrderStatus.Expired, TicketStatus.Void);
        refunded.RefundedLatePayment = true;
        Assert.False(refunded.MarkPaid(1000, Now));
        Assert.Equal(OrderStatus.Expired, refunded.Status);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Cancelled)]
    public void MarkPaid_WhenAlreadyDecided_ChangesNothing(OrderStatus status)
    {
        var order = NewOrder(status, TicketStatus.Cancelled);

        Assert.False(order.MarkPaid(1000, Now));
        Assert.Equal(status, order.Status);
        Assert.Equal(TicketStatus.Cancelled, order.Tickets[0].Status);
    }

    [Fact]
    public void Expire_OnlyAPendingOrder_VoidingItsHeldTickets()
    {
        var pending = NewOrder(OrderStatus.Pending, TicketStatus.Reserved);
        Assert.True(pending.Expire(Now));
        Assert.Equal((OrderStatus.Expired, TicketStatus.Void, Now), (pending.Status, pending.Tickets[0].Status, pending.ClosedAt!.Value));

        var paid = NewOrder(OrderStatus.Paid, TicketStatus.Valid);
        Assert.False(paid.Expire(Now));
        Assert.Equal(TicketStatus.Valid, paid.Tickets[0].Status);
    }

    [Fact]
    public void CancelTickets_CancelsTheOrderWithItsLastValidTicket()
    {
        var order = NewOrder(OrderStatus.Paid, TicketStatus.Valid, TicketStatus.Valid);

        order.CancelTickets([order.Tickets[0]], Now);
        Assert.Equal(OrderStatus.Paid, order.Status);

        order.CancelTickets([order.Tickets[1]], Now);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.All(order.Tickets, t => Assert.Equal(Now, t.CancelledAt));
    }

    [Fact]
    public void CancelTickets_OfAnUnpaidOrder_IsRefused()
    {
        var order = NewOrder(OrderStatus.Pending, TicketStatus.Reserved);

        Assert.Throws<InvalidOperationException>(() => order.CancelTickets(order.Tickets, Now));
    }

    [Fact]
    public void RefundFor_NeverGivesBackMoreThanIsLeft_AfterAPartialRefund()
    {
        var order = NewOrder(OrderStatus.Paid, TicketStatus.Valid, TicketStatus.Valid);
        order.PaidMinor = 2000;
        order.RefundedMinor = 1500; // an organizer refunded part of the order earlier

        Assert.Equal(500, order.RefundFor(order.Tickets));
        Assert.Equal(500, order.RefundFor([order.Tickets[0]]));
    }
}
