using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using Microsoft.AspNetCore.Components;

namespace EventPlatform.Web.Components.Pages.Catalog.Manage;

public sealed partial class EventDetailsForm
{
    /// <summary>What the renderer keeps (see MarkdownRenderer); the Preview tab shows the result exactly.</summary>
    private const string DescriptionHelp = "Markdown: **bold**, *italic*, lists, [links](https://example.com). Simple HTML works too " +
        "(<b>, <i>, <ul>, tables); scripts, forms, styles and images from other sites are removed.";

    private static readonly string[] Zones = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order().ToArray();
    private readonly FormModel form = new();
    private CommandResult<Guid>? result;
    private string? generalError;
    private bool saving;
    private bool initialised;

    [Parameter] public Guid OrganizationId { get; set; }
    [Parameter] public Guid? EventId { get; set; }
    [Parameter] public EventDetails? Initial { get; set; }
    [Parameter] public EventCallback<Guid> OnSaved { get; set; }
    [Parameter] public string DefaultTimeZone { get; set; } = "Europe/Berlin";

    protected override void OnParametersSet()
    {
        if (initialised)
        {
            return;
        }

        initialised = true;
        form.Load(Initial, DefaultTimeZone);
    }

    private bool Has(string field) => result?.ErrorFor(field) is not null;
    private string? ErrorFor(string field) => result?.ErrorFor(field);

    private static Task<IEnumerable<string>> SearchZonesAsync(string? value, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(value)
            ? Zones.AsEnumerable()
            : Zones.Where(z => z.Contains(value, StringComparison.OrdinalIgnoreCase)));

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var details = form.ToDetails();
            result = EventId is null
                ? await SaveEvent.CreateAsync(OrganizationId, details)
                : await SaveEvent.UpdateAsync(EventId.Value, details);
            generalError = result.ErrorFor(ValidationFailure.FormLevel);
            if (result.Succeeded)
            {
                await OnSaved.InvokeAsync(result.Value);
            }
        }
        finally
        {
            saving = false;
        }
    }

    private sealed class FormModel
    {
        public string? Title { get; set; }
        public string? Slug { get; set; }
        public string? ShortDescription { get; set; }
        public string? Description { get; set; }
        public EventCategory Category { get; set; } = EventCategory.Other;
        public string? Tags { get; set; }
        public string? TimeZone { get; set; }
        public bool IsOnline { get; set; }
        public string? VenueName { get; set; }
        public string? VenueAddress { get; set; }
        public int? VenueCapacity { get; set; }
        public string? OnlineJoinUrl { get; set; }
        public EventVisibility Visibility { get; set; }
        public int? RefundableUntilHoursBefore { get; set; }
        public bool PassFeeToBuyer { get; set; } = true;
        public string? Policies { get; set; }

        public void Load(EventDetails? details, string defaultZone)
        {
            TimeZone = details?.TimeZone ?? defaultZone;
            if (details is null)
            {
                RefundableUntilHoursBefore = 48;
                return;
            }

            Title = details.Title;
            Slug = details.Slug;
            ShortDescription = details.ShortDescription;
            Description = details.Description;
            Category = details.Category;
            Tags = string.Join(", ", details.Tags);
            IsOnline = details.IsOnline;
            VenueName = details.VenueName;
            VenueAddress = details.VenueAddress;
            VenueCapacity = details.VenueCapacity;
            OnlineJoinUrl = details.OnlineJoinUrl;
            Visibility = details.Visibility;
            RefundableUntilHoursBefore = details.RefundableUntilHoursBefore;
            PassFeeToBuyer = details.PassFeeToBuyer;
            Policies = details.Policies;
        }

        public EventDetails ToDetails() => new()
        {
            Title = Title,
            Slug = Slug,
            ShortDescription = ShortDescription,
            Description = Description,
            Category = Category,
            Tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            TimeZone = TimeZone,
            IsOnline = IsOnline,
            VenueName = VenueName,
            VenueAddress = VenueAddress,
            VenueCapacity = VenueCapacity,
            OnlineJoinUrl = OnlineJoinUrl,
            Visibility = Visibility,
            RefundableUntilHoursBefore = RefundableUntilHoursBefore,
            PassFeeToBuyer = PassFeeToBuyer,
            Policies = Policies,
        };
    }
}
