using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventPlatform.Web.Components.Pages.Catalog.Manage;

public sealed partial class EventEditor
{
    private EventForEditing? editing;
    private string? denied;
    private bool notFound;
    private string? problem;
    private string? publishAt;
    private string? publishAtError;
    private int activeTab;
    private string? defaultTimeZone;

    [Parameter] public Guid OrganizationId { get; set; }
    [Parameter] public Guid? EventId { get; set; }
    /// <summary>An order to open on the Orders tab (links from the organization's "needs attention" list).</summary>
    [SupplyParameterFromQuery] public Guid? Order { get; set; }

    private const int OrdersTab = 5;

    protected override async Task OnParametersSetAsync()
    {
        if (EventId is not null)
        {
            activeTab = Order is null ? activeTab : OrdersTab;
            await ReloadAsync();
            return;
        }

        try
        {
            defaultTimeZone = await Events.DefaultTimeZoneAsync(OrganizationId);
        }
        catch (AccessDeniedException ex) when (ex.IsNotAMember)
        {
            notFound = true;
            Navigation.NotFound();
        }
        catch (AccessDeniedException ex)
        {
            denied = ex.Message;
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            editing = await Events.GetAsync(EventId!.Value);
        }
        catch (NotFoundException)
        {
            notFound = true;
            Navigation.NotFound();
        }
        catch (AccessDeniedException ex) when (ex.IsNotAMember)
        {
            notFound = true;
            Navigation.NotFound();
        }
        catch (AccessDeniedException ex)
        {
            denied = ex.Message;
        }
    }

    private async Task OnDetailsSavedAsync(Guid savedId)
    {
        if (EventId is null)
        {
            Navigation.NavigateTo($"/events/{savedId}/manage");
            return;
        }

        Snackbar.Add("Event saved.", Severity.Success);
        await ReloadAsync();
    }

    private Task PublishAsync() => ApplyAsync(() => Publish.ExecuteAsync(EventId!.Value), "Event published.");

    private async Task ScheduleAsync()
    {
        publishAtError = null;
        if (!EventTime.TryFromLocalInput(publishAt, editing!.Event.TimeZone, out var at))
        {
            publishAtError = "Choose a date and time.";
            return;
        }

        await ApplyAsync(async () =>
        {
            var result = await Schedule.ExecuteAsync(EventId!.Value, at);
            publishAtError = result.ErrorFor("PublishAt");
            return result;
        }, "Publication scheduled.");
    }

    private async Task CancelEventAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Cancel this event?",
            "The event stops selling and is shown as cancelled. This cannot be undone.",
            yesText: "Cancel event", cancelText: "Keep it");
        if (confirmed == true)
        {
            await ApplyAsync(() => Cancel.ExecuteAsync(EventId!.Value), "Event cancelled.");
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete this event?",
            "The event, its sessions and ticket types are removed for good. Events with sales cannot be deleted.",
            yesText: "Delete", cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        var result = await Delete.ExecuteAsync(EventId!.Value);
        if (result.Succeeded)
        {
            Snackbar.Add("Event deleted.", Severity.Success);
            Navigation.NavigateTo($"/org/{editing!.Event.OrganizationId}/events");
        }
        else
        {
            problem = result.ErrorFor(ValidationFailure.FormLevel);
        }
    }

    private async Task ApplyAsync<T>(Func<Task<CommandResult<T>>> change, string done)
    {
        problem = null;
        var result = await change();
        if (result.Succeeded)
        {
            Snackbar.Add(done, Severity.Success);
            await ReloadAsync();
        }
        else
        {
            problem = result.ErrorFor(ValidationFailure.FormLevel);
        }
    }
}
