using EventPlatform.Core.Catalog;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventPlatform.Web.Components.Pages.Catalog.Manage;

/// <summary>An event's status as a small coloured chip.</summary>
public partial class EventStatusChip
{
    [Parameter, EditorRequired] public EventStatus Status { get; set; }

    // In a .cs file so the solution's rule applies: every status named, no catch-all.
    private static Color ColorFor(EventStatus status) => status switch
    {
        EventStatus.Draft => Color.Default,
        EventStatus.Scheduled => Color.Info,
        EventStatus.Published => Color.Success,
        EventStatus.Completed => Color.Dark,
        EventStatus.Cancelled => Color.Error,
    };
}
