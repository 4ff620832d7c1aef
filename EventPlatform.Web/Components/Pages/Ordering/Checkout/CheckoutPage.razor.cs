using System.Globalization;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventPlatform.Web.Components.Pages.Ordering.Checkout;

public sealed partial class CheckoutPage
{
    private OrderView? view;
    private string? buyerEmail;
    private string? couponCode;
    private string? clientSecret;
    private bool paymentStarted;
    private bool working;
    private Dictionary<Guid, AttendeeForm> attendees = [];
    private FieldErrors errors = new();
    private IDisposable? subscription;
    private int? leftForOthers;

    [Parameter] public string Key { get; set; } = "";

    /// <summary>" 3 left for others." or " None left for others."; nothing until the live counters arrive.</summary>
    private string LeftForOthersText => leftForOthers is { } left
        ? $" {(left == 0 ? "None" : left.ToString(CultureInfo.InvariantCulture))} left for others."
        : "";

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && view is not null)
        {
            // What the buyer holds is safe; what is left for others changes live.
            var typeIds = view.Tickets.Select(t => t.TicketTypeId).ToHashSet();
            var sessionIds = view.Sessions.Select(s => s.Id).ToHashSet();
            subscription = Live.Subscribe(view.Event.Id, counters => InvokeAsync(() =>
            {
                leftForOthers = LiveLeft.ForTypes(counters, typeIds, sessionIds);
                StateHasChanged();
            }));
            Live.Signal(view.Event.Id);
        }
    }

    public void Dispose() => subscription?.Dispose();

    private sealed class AttendeeForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public Dictionary<string, string?> Answers { get; } = [];
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await LoadAsync(fillForm: true);
        }
        catch (NotFoundException)
        {
            Navigation.NotFound();
        }
    }

    private async Task LoadAsync(bool fillForm)
    {
        view = await GetOrder.ByKeyAsync(Key);
        if (view.Order.Status == OrderStatus.Paid)
        {
            Navigation.NavigateTo($"/order/{Key}");
            return;
        }

        if (fillForm)
        {
            buyerEmail = view.Order.BuyerEmail;
            attendees = view.Tickets.ToDictionary(t => t.Id, t =>
            {
                var form = new AttendeeForm { Name = t.AttendeeName ?? (t.Position == 1 ? view.Order.BuyerName : null), Email = t.AttendeeEmail };
                foreach (var (question, answer) in t.Answers)
                {
                    form.Answers[question] = answer;
                }

                return form;
            });
        }
    }

    private async Task ReloadAsync() => await LoadAsync(fillForm: false);

    private string? Error(string field) => errors.For(field);

    private async Task ApplyCouponAsync()
    {
        var result = await ChangeCoupon.ApplyAsync(Key, couponCode);
        errors = new FieldErrors(result.Errors);
        await ReloadAsync();
    }

    private async Task RemoveCouponAsync()
    {
        var result = await ChangeCoupon.RemoveAsync(Key);
        errors = new FieldErrors(result.Errors);
        couponCode = null;
        await ReloadAsync();
    }

    private async Task ContinueAsync()
    {
        working = true;
        try
        {
            var tickets = attendees.Select(a => new AttendeeDetails(a.Key, a.Value.Name, a.Value.Email, a.Value.Answers)).ToList();
            var details = new CheckoutDetails(buyerEmail, null, tickets);
            var start = await ContinueToPayment.ExecuteAsync(Key, details);
            errors = new FieldErrors(start.Errors);
            if (!start.Succeeded)
            {
                // The form keeps what was typed; the order is read again in case the hold ran out.
                await ReloadAsync();
                return;
            }

            if (start.Value!.Confirmed)
            {
                Navigation.NavigateTo($"/order/{Key}");
                return;
            }

            clientSecret = start.Value.ClientSecret;
            paymentStarted = true;
            await ReloadAsync();
        }
        finally
        {
            working = false;
        }
    }

    private Task PaidAsync()
    {
        Navigation.NavigateTo($"/order/{Key}");
        return Task.CompletedTask;
    }
}
