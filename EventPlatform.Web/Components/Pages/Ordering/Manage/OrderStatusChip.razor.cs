using EventPlatform.Core.Ordering;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventPlatform.Web.Components.Pages.Ordering.Manage;

/// <summary>An order's status as a small coloured chip.</summary>
public partial class OrderStatusChip
{
    [Parameter, EditorRequired] public OrderStatus Status { get; set; }

    // In a .cs file so the solution's rule applies: every status named, no catch-all.
    private static Color ColorFor(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Color.Warning,
        OrderStatus.Paid => Color.Success,
        OrderStatus.Cancelled => Color.Error,
        OrderStatus.Expired => Color.Default,
    };
}
