using EventPlatform.Core.Common;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Everything an organizer edits on an event's main form.</summary>
public sealed record EventDetails
{
    public string? Title { get; init; }
    /// <summary>Empty = made from the title.</summary>
    public string? Slug { get; init; }
    public string? ShortDescription { get; init; }
    public string? Description { get; init; }
    public EventCategory Category { get; init; } = EventCategory.Other;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool IsOnline { get; init; }
    public string? VenueName { get; init; }
    public string? VenueAddress { get; init; }
    public int? VenueCapacity { get; init; }
    public string? OnlineJoinUrl { get; init; }
    public string? TimeZone { get; init; }
    public string? Policies { get; init; }
    /// <summary>Null = not refundable.</summary>
    public int? RefundableUntilHoursBefore { get; init; }
    /// <summary>The platform fee is added to the buyer's total (true) or absorbed by the organizer.</summary>
    public bool PassFeeToBuyer { get; init; } = true;
    public EventVisibility Visibility { get; init; } = EventVisibility.Public;

    /// <summary>Checks every field; each problem is reported on its own field.</summary>
    public IReadOnlyList<ValidationFailure> Validate()
    {
        var errors = new List<ValidationFailure>();
        var title = Title?.Trim() ?? "";
        if (title.Length is < Event.TitleMinLength or > Event.TitleMaxLength)
        {
            errors.Add(new(nameof(Title), UserMessages.EventTitleLength));
        }

        if (!string.IsNullOrWhiteSpace(Slug) && !Common.Slug.IsValid(Slug.Trim()))
        {
            errors.Add(new(nameof(Slug), UserMessages.SlugFormat));
        }

        if ((ShortDescription?.Trim().Length ?? 0) > Event.ShortDescriptionMaxLength)
        {
            errors.Add(new(nameof(ShortDescription), UserMessages.ShortDescriptionLength));
        }

        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out _))
        {
            errors.Add(new(nameof(TimeZone), UserMessages.TimeZoneUnknown));
        }

        if (IsOnline)
        {
            if (!string.IsNullOrWhiteSpace(OnlineJoinUrl) &&
                !(Uri.TryCreate(OnlineJoinUrl.Trim(), UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
            {
                errors.Add(new(nameof(OnlineJoinUrl), UserMessages.OnlineLinkInvalid));
            }
        }
        else if (string.IsNullOrWhiteSpace(VenueName))
        {
            errors.Add(new(nameof(VenueName), UserMessages.VenueNameRequired));
        }

        if (VenueCapacity is < 1)
        {
            errors.Add(new(nameof(VenueCapacity), UserMessages.VenueCapacityPositive));
        }

        if (RefundableUntilHoursBefore is < 0 or > 8760)
        {
            errors.Add(new(nameof(RefundableUntilHoursBefore), UserMessages.RefundHoursRange));
        }

        return errors;
    }

    /// <summary>Copies the (valid) details onto an event.</summary>
    public void ApplyTo(Event target, string slug)
    {
        target.Title = Title!.Trim();
        target.Slug = slug;
        target.ShortDescription = Blank(ShortDescription);
        target.Description = Blank(Description);
        target.Category = Category;
        target.Tags = Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length is > 0 and <= 40).Distinct().Take(20).ToList();
        target.IsOnline = IsOnline;
        target.VenueName = IsOnline ? null : Blank(VenueName);
        target.VenueAddress = IsOnline ? null : Blank(VenueAddress);
        target.VenueCapacity = IsOnline ? null : VenueCapacity;
        target.OnlineJoinUrl = IsOnline ? Blank(OnlineJoinUrl) : null;
        target.TimeZone = TimeZone!.Trim();
        target.Policies = Blank(Policies);
        target.RefundableUntilHoursBefore = RefundableUntilHoursBefore;
        target.PassFeeToBuyer = PassFeeToBuyer;
        target.Visibility = Visibility;
    }

    /// <summary>The details of an existing event, to edit.</summary>
    public static EventDetails From(Event source) => new()
    {
        Title = source.Title,
        Slug = source.Slug,
        ShortDescription = source.ShortDescription,
        Description = source.Description,
        Category = source.Category,
        Tags = source.Tags,
        IsOnline = source.IsOnline,
        VenueName = source.VenueName,
        VenueAddress = source.VenueAddress,
        VenueCapacity = source.VenueCapacity,
        OnlineJoinUrl = source.OnlineJoinUrl,
        TimeZone = source.TimeZone,
        Policies = source.Policies,
        RefundableUntilHoursBefore = source.RefundableUntilHoursBefore,
        PassFeeToBuyer = source.PassFeeToBuyer,
        Visibility = source.Visibility,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
