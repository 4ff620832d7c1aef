using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventPlatform.Web.Components.Pages.Ordering.Manage;

public sealed partial class CouponForm
{
    private readonly Dictionary<Guid, EventForEditing> loadedEvents = [];
    private FormModel form = new();
    private FieldErrors errors = new();
    private string? problem;

    [Parameter, EditorRequired] public Guid OrganizationId { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<OrganizerEventRow> Events { get; set; } = [];
    [Parameter, EditorRequired] public string TimeZone { get; set; } = "";
    [Parameter, EditorRequired] public string DefaultCurrency { get; set; } = "";
    /// <summary>The coupon being changed; null to create one.</summary>
    [Parameter] public Coupon? Editing { get; set; }
    [Parameter] public EventCallback<Coupon> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    private bool Has(string field) => errors.Has(field);
    private string? ErrorFor(string field) => errors.For(field);
    private string CurrencyOrDefault => string.IsNullOrWhiteSpace(form.Currency) ? DefaultCurrency : form.Currency.Trim().ToUpperInvariant();
    // A percentage coupon has no currency of its own: its minimum is in the organization's.
    private string MinimumCurrency => form.Kind == CouponKind.FixedAmount ? CurrencyOrDefault : DefaultCurrency;

    private List<TicketTypeChoice> TicketTypes => form.EventIds
        .Where(loadedEvents.ContainsKey)
        .SelectMany(id => loadedEvents[id].TicketTypes.Select(t =>
            new TicketTypeChoice(t.Id, form.EventIds.Count > 1 ? $"{loadedEvents[id].Event.Title}: {t.Name}" : t.Name)))
        .ToList();

    protected override async Task OnInitializedAsync()
    {
        form = Editing is null ? new FormModel { Currency = DefaultCurrency } : FormModel.From(Editing, TimeZone, DefaultCurrency);
        await LoadTicketTypesAsync();
    }

    private async Task OnEventsChangedAsync(IReadOnlyCollection<Guid>? chosen)
    {
        form.EventIds = chosen?.ToHashSet() ?? [];
        await LoadTicketTypesAsync();
        var offered = TicketTypes.Select(t => t.Id).ToHashSet();
        form.TicketTypeIds = form.TicketTypeIds.Where(offered.Contains).ToHashSet();
    }

    private async Task LoadTicketTypesAsync()
    {
        foreach (var id in form.EventIds.Where(id => !loadedEvents.ContainsKey(id)).ToList())
        {
            try
            {
                loadedEvents[id] = await GetEvent.ExecuteAsync(id);
            }
            catch (NotFoundException)
            {
                // Deleted meanwhile: its ticket types cannot be offered.
            }
        }
    }

    private async Task SaveAsync()
    {
        errors = new();
        problem = null;
        var currency = CurrencyOrDefault;
        long amountMinor = 0;
        if (form.Kind == CouponKind.FixedAmount && Money.IsValidCurrency(currency)
            && !MoneyInput.TryRead(form.AmountOff, currency, out amountMinor, out var amountError))
        {
            errors.Add("AmountOffMinor", amountError);
        }

        long? minimumMinor = null;
        if (!string.IsNullOrWhiteSpace(form.MinimumOrder))
        {
            var minimumCurrency = Money.IsValidCurrency(MinimumCurrency) ? MinimumCurrency : DefaultCurrency;
            if (MoneyInput.TryRead(form.MinimumOrder, minimumCurrency, out var minimum, out var minimumError))
            {
                minimumMinor = minimum;
            }
            else
            {
                errors.Add("MinimumOrderMinor", minimumError);
            }
        }

        var validFrom = LocalDateTimeInput.ReadOptional(form.ValidFrom, TimeZone, "ValidFrom", errors);
        var validUntil = LocalDateTimeInput.ReadOptional(form.ValidUntil, TimeZone, "ValidUntil", errors);
        if (!errors.IsEmpty)
        {
            return;
        }

        var details = new CouponDetails(
            form.Code, form.Description, form.Kind, form.PercentOff, amountMinor, form.Kind == CouponKind.FixedAmount ? currency : null,
            form.EventIds.ToList(), form.TicketTypeIds.ToList(), form.RedemptionLimit, form.PerBuyerLimit, validFrom, validUntil,
            minimumMinor, form.UnlocksHiddenTypes, form.IsActive);
        try
        {
            var result = await SaveCoupon.ExecuteAsync(OrganizationId, Editing?.Id, details);
            errors = new FieldErrors(result.Errors);
            problem = errors.FormLevel;
            if (result.Succeeded)
            {
                await OnSaved.InvokeAsync(result.Value!);
            }
        }
        catch (NotFoundException)
        {
            problem = WebMessages.CouponDeletedMeanwhile;
        }
        catch (AccessDeniedException ex)
        {
            problem = ex.Message;
        }
    }

    private sealed record TicketTypeChoice(Guid Id, string Label);

    private sealed class FormModel
    {
        public string? Code { get; set; }
        public string? Description { get; set; }
        public CouponKind Kind { get; set; }
        public decimal PercentOff { get; set; } = 10;
        public string? AmountOff { get; set; }
        public string? Currency { get; set; }
        public HashSet<Guid> EventIds { get; set; } = [];
        public IReadOnlyCollection<Guid> TicketTypeIds { get; set; } = new HashSet<Guid>();
        public int? RedemptionLimit { get; set; }
        public int? PerBuyerLimit { get; set; }
        public string? ValidFrom { get; set; }
        public string? ValidUntil { get; set; }
        public string? MinimumOrder { get; set; }
        public bool UnlocksHiddenTypes { get; set; }
        public bool IsActive { get; set; } = true;

        public static FormModel From(Coupon coupon, string timeZone, string defaultCurrency)
        {
            var currency = coupon.Currency;
            return new FormModel
            {
                Code = coupon.Code,
                Description = coupon.Description,
                Kind = coupon.Kind,
                PercentOff = coupon.PercentOff,
                AmountOff = currency is null ? null : MoneyInput.ToText(coupon.AmountOffMinor, currency),
                Currency = currency,
                EventIds = coupon.EventIds.ToHashSet(),
                TicketTypeIds = coupon.TicketTypeIds.ToHashSet(),
                RedemptionLimit = coupon.RedemptionLimit,
                PerBuyerLimit = coupon.PerBuyerLimit,
                ValidFrom = coupon.ValidFrom is { } from ? EventTime.ToLocalInput(from, timeZone) : null,
                ValidUntil = coupon.ValidUntil is { } until ? EventTime.ToLocalInput(until, timeZone) : null,
                MinimumOrder = coupon.MinimumOrderMinor is { } minimum ? MoneyInput.ToText(minimum, currency ?? defaultCurrency) : null,
                UnlocksHiddenTypes = coupon.UnlocksHiddenTypes,
                IsActive = coupon.IsActive,
            };
        }
    }
}
