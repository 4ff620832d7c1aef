using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventPlatform.Web.Components.Pages.Catalog.Manage;

public sealed partial class TicketTypesEditor
{
    private FormModel form = new();
    private Guid? editingId;
    private string? editingName;
    private FieldErrors errors = new();
    private string? problem;

    [Parameter, EditorRequired] public EventForEditing Editing { get; set; } = default!;
    [Parameter] public EventCallback OnChanged { get; set; }

    private string Currency => Editing.OrganizationCurrency;

    private string SessionLabel(Session session) =>
        $"{session.Code} · {session.Name} · {EventTime.Format(session.StartsAt, Editing.Event.TimeZone)}";
    private bool Has(string field) => errors.Has(field);
    private string? ErrorFor(string field) => errors.For(field);

    private void Toggle(Guid sessionId, bool on)
    {
        if (on)
        {
            form.SessionIds.Add(sessionId);
        }
        else
        {
            form.SessionIds.Remove(sessionId);
        }
    }

    private void Edit(TicketType type)
    {
        var zone = Editing.Event.TimeZone;
        editingId = type.Id;
        editingName = type.Name;
        form = new FormModel
        {
            Name = type.Name,
            Description = type.Description,
            Price = MoneyInput.ToText(type.PriceMinor, type.Currency),
            MemberPrice = type.MemberPriceMinor is { } member ? MoneyInput.ToText(member, type.Currency) : null,
            EarlyBirdPrice = type.EarlyBirdPriceMinor is { } early ? MoneyInput.ToText(early, type.Currency) : null,
            EarlyBirdUntil = type.EarlyBirdUntil is { } until ? EventTime.ToLocalInput(until, zone) : null,
            EarlyBirdQuantity = type.EarlyBirdQuantity,
            QuantityCap = type.QuantityCap,
            MinPerOrder = type.MinPerOrder,
            MaxPerOrder = type.MaxPerOrder,
            SalesStart = type.SalesStartAt is { } start ? EventTime.ToLocalInput(start, zone) : null,
            SalesEnd = EventTime.ToLocalInput(type.SalesEndAt, zone),
            Visibility = type.Visibility,
            SortOrder = type.SortOrder,
            IsActive = type.IsActive,
            SessionIds = type.Sessions.Select(s => s.SessionId).ToHashSet(),
        };
        errors = new();
        problem = null;
    }

    private void Reset()
    {
        editingId = null;
        editingName = null;
        form = new FormModel();
        errors = new();
    }

    private async Task SaveAsync()
    {
        errors = new();
        problem = null;
        var zone = Editing.Event.TimeZone;
        var price = ReadMoney(form.Price, "PriceMinor", required: true) ?? 0;
        var member = ReadMoney(form.MemberPrice, "MemberPriceMinor", required: false);
        var early = ReadMoney(form.EarlyBirdPrice, "EarlyBirdPriceMinor", required: false);
        var salesStart = LocalDateTimeInput.ReadOptional(form.SalesStart, zone, "SalesStartAt", errors);
        var salesEnd = LocalDateTimeInput.ReadOptional(form.SalesEnd, zone, "SalesEndAt", errors);
        var earlyUntil = LocalDateTimeInput.ReadOptional(form.EarlyBirdUntil, zone, "EarlyBirdUntil", errors);
        if (!errors.IsEmpty)
        {
            return;
        }

        var details = new TicketTypeDetails
        {
            Name = form.Name,
            Description = form.Description,
            SessionIds = form.SessionIds.ToList(),
            PriceMinor = price,
            MemberPriceMinor = member,
            EarlyBirdPriceMinor = early,
            EarlyBirdUntil = earlyUntil,
            EarlyBirdQuantity = form.EarlyBirdQuantity,
            QuantityCap = form.QuantityCap,
            MinPerOrder = form.MinPerOrder,
            MaxPerOrder = form.MaxPerOrder,
            SalesStartAt = salesStart,
            SalesEndAt = salesEnd,
            Visibility = form.Visibility,
            SortOrder = form.SortOrder,
            IsActive = form.IsActive,
        };
        var result = editingId is null
            ? await SaveTicketType.AddAsync(Editing.Event.Id, details)
            : await SaveTicketType.UpdateAsync(editingId.Value, details);
        errors = new FieldErrors(result.Errors);
        problem = errors.FormLevel;
        if (result.Succeeded)
        {
            Snackbar.Add(WebMessages.Saved(form.Name!), Severity.Success);
            Reset();
            await OnChanged.InvokeAsync();
        }
    }

    private async Task DeleteAsync(TicketType type)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete {type.Name}?", "Ticket types with sales cannot be deleted; deactivate them instead.", yesText: "Delete", cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        var result = await DeleteTicketType.ExecuteAsync(type.Id);
        problem = result.ErrorFor(ValidationFailure.FormLevel);
        if (result.Succeeded)
        {
            await OnChanged.InvokeAsync();
        }
    }

    private long? ReadMoney(string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, WebMessages.PriceRequired);
            }

            return null;
        }

        if (MoneyInput.TryRead(text, Currency, out var minor, out var error, example: "25.00"))
        {
            return minor;
        }

        errors.Add(field, error);
        return null;
    }

    private sealed class FormModel
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Price { get; set; } = "0.00";
        public string? MemberPrice { get; set; }
        public string? EarlyBirdPrice { get; set; }
        public string? EarlyBirdUntil { get; set; }
        public int? EarlyBirdQuantity { get; set; }
        public int? QuantityCap { get; set; }
        public int MinPerOrder { get; set; } = 1;
        public int? MaxPerOrder { get; set; }
        public string? SalesStart { get; set; }
        public string? SalesEnd { get; set; }
        public TicketVisibility Visibility { get; set; }
        public int SortOrder { get; set; }
        public bool IsActive { get; set; } = true;
        public HashSet<Guid> SessionIds { get; set; } = [];
    }
}
