using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Web.Components.Shared;
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
    /// <summary>The open tab's slug, from <c>/events/{id}/manage/{tab}</c>; none opens Details (or Orders for an order link).</summary>
    [Parameter] public string? Tab { get; set; }
    /// <summary>An order to open on the Orders tab (links from the organization's "needs attention" list).</summary>
    [SupplyParameterFromQuery] public Guid? Order { get; set; }

    /// <summary>Each tab's slug, in the tabs' order: <c>/events/{id}/manage/{slug}</c> opens it.</summary>
    public static readonly IReadOnlyList<string> TabSlugs =
        ["details", "sessions", "ticket-types", "dashboard", "check-in", "orders", "questions", "messages"];

    private const int OrdersTab = 5;

    /// <summary>The editor's address with a tab open, for links that mean a tab.</summary>
    public static string TabHref(Guid eventId, string slug) => $"/events/{eventId}/manage/{slug}";

    protected override async Task OnParametersSetAsync()
    {
        notFound = false;
        if (EventId is not null)
        {
            var tab = Tab is null ? (Order is null ? 0 : OrdersTab) : IndexOfTab(Tab);
            if (tab < 0)
            {
                notFound = true;
                Navigation.NotFound();
                return;
            }

            activeTab = tab;
            // Moving between tabs of the same event keeps what is loaded; another event (or a first visit) loads.
            if (editing is null || editing.Event.Id != EventId)
            {
                editing = null;
                denied = null;
                await ReloadAsync();
            }

            return;
        }

        try
        {
            defaultTimeZone = (await GetDefaults.ExecuteAsync(OrganizationId)).TimeZone;
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

    private static int IndexOfTab(string slug)
    {
        for (var i = 0; i < TabSlugs.Count; i++)
        {
            if (string.Equals(TabSlugs[i], slug, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A clicked tab becomes an address, so it can be linked to and Back returns to the tab before.</summary>
    private void OnTabChanged(int index)
    {
        if (index == activeTab)
        {
            return;
        }

        activeTab = index;
        if (EventId is not null)
        {
            Navigation.NavigateTo(TabHref(EventId.Value, TabSlugs[index]));
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            editing = await GetEvent.ExecuteAsync(EventId!.Value);
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

        Snackbar.Add(WebMessages.EventSaved, Severity.Success);
        await ReloadAsync();
    }

    private Task PublishAsync() => ApplyAsync(() => Publish.ExecuteAsync(EventId!.Value), WebMessages.EventPublished);

    private async Task ScheduleAsync()
    {
        publishAtError = null;
        if (!EventTime.TryFromLocalInput(publishAt, editing!.Event.TimeZone, out var at))
        {
            publishAtError = WebMessages.PublishAtRequired;
            return;
        }

        await ApplyAsync(async () =>
        {
            var result = await Schedule.ExecuteAsync(EventId!.Value, at);
            publishAtError = result.ErrorFor("PublishAt");
            return result;
        }, WebMessages.PublicationScheduled);
    }

    private async Task CancelEventAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Cancel this event?",
            "The event stops selling and is shown as cancelled. This cannot be undone.",
            yesText: "Cancel event", cancelText: "Keep it");
        if (confirmed == true)
        {
            await ApplyAsync(() => Cancel.ExecuteAsync(EventId!.Value), WebMessages.EventCancelled);
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
            Snackbar.Add(WebMessages.EventDeleted, Severity.Success);
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
