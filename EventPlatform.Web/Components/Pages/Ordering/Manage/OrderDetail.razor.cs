using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Core.Payments;
using EventPlatform.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventPlatform.Web.Components.Pages.Ordering.Manage;

public sealed partial class OrderDetail
{
    private OrderView? view;
    private IReadOnlyList<RefundRow> refunds = [];
    private IReadOnlyList<OrderEmailRow> emails = [];
    private OrderTicketView? editingTicket;
    private bool cancelling;
    private string? problem;

    [Parameter, EditorRequired] public Guid OrderId { get; set; }
    [Parameter, EditorRequired] public string TimeZone { get; set; } = "";
    /// <summary>Called after a change with what happened, for the list to reload and tell the organizer.</summary>
    [Parameter] public EventCallback<string> OnChanged { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    private bool HasValidTickets =>
        view is not null && view.Order.Status == OrderStatus.Paid && view.Tickets.Any(t => t.Status == TicketStatus.Valid);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        try
        {
            view = await Orders.DetailAsync(OrderId);
            refunds = await Attention.RefundsAsync(OrderId);
            emails = await EmailDelivery.ForOrderAsync(OrderId);
        }
        catch (NotFoundException)
        {
            problem = WebMessages.OrderGone;
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private async Task ResendAsync()
    {
        problem = null;
        try
        {
            await ResendTickets.ByOrganizerAsync(OrderId);
            await DoneAsync(WebMessages.ConfirmationResent(view!.Order.BuyerEmail));
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private async Task MarkPaidAsync()
    {
        problem = null;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Mark order {view!.Order.Number} paid?",
            $"Confirm only when {view.Total.Format()} was received (cash, invoice). The buyer gets the tickets by email.",
            yesText: "Mark paid", cancelText: "Not yet");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            var result = await Orders.MarkPaidOfflineAsync(OrderId);
            if (result.Succeeded)
            {
                await DoneAsync(WebMessages.OrderMarkedPaid(view.Order.Number));
            }
            else
            {
                problem = result.ErrorFor("Order");
            }
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private static Color DisputeColor(PaymentDisputeStatus status) => status == PaymentDisputeStatus.Won ? Color.Success : Color.Error;

    private static string RefundStatusText(RefundStatus status) => status switch
    {
        RefundStatus.Succeeded => "Refunded",
        RefundStatus.Pending => "On its way",
        _ => "Failed",
    };

    private async Task RetryRefundAsync(RefundRow refund)
    {
        problem = null;
        try
        {
            var result = await Attention.RetryRefundAsync(OrderId, refund.Id);
            if (result.Succeeded)
            {
                await DoneAsync(WebMessages.RefundSentAgain(result.Value));
            }
            else
            {
                problem = result.ErrorFor(PaymentAttention.Field);
                await ReloadAsync();
            }
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private string EmailStatusText(OrderEmailRow email) => email.Status switch
    {
        OutboxEmailStatus.Sent when email.SentAt is { } sentAt => $"Delivered {EventTime.Format(sentAt, TimeZone)}",
        OutboxEmailStatus.Sent => "Delivered",
        OutboxEmailStatus.Pending when email.Attempts == 0 => "Queued",
        OutboxEmailStatus.Pending => $"Retrying ({email.Attempts} tries so far)",
        _ when email.NeedsSending => $"Not delivered after {email.Attempts} tries",
        _ => "Not delivered; a later copy was",
    };

    private async Task SendEmailAgainAsync(OrderEmailRow email)
    {
        problem = null;
        try
        {
            var queued = await EmailDelivery.SendAgainAsync(OrderId, email.Id);
            if (queued)
            {
                await DoneAsync(WebMessages.EmailSendingAgain(email.To));
            }
            else
            {
                await ReloadAsync();
            }
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private async Task ResolveAsync()
    {
        problem = null;
        try
        {
            await Attention.ResolveAsync(OrderId);
            await DoneAsync(WebMessages.OrderMarkedResolved(view!.Order.Number));
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private Task OnCancelledAsync(string done)
    {
        cancelling = false;
        return DoneAsync(done);
    }

    private Task OnAttendeeSavedAsync(string done)
    {
        editingTicket = null;
        return DoneAsync(done);
    }

    private async Task DoneAsync(string done)
    {
        await ReloadAsync();
        await OnChanged.InvokeAsync(done);
    }
}
