namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>Constraint reasons in plain words for buyers: "Day 2 is full", "Sales start Mon 1 Jun, 10:00".</summary>
public static class AvailabilityWording
{
    public static string? Describe(TicketAvailability availability, IReadOnlyDictionary<string, string> sessionNames, DateTimeOffset? salesStart,
        string timeZone) =>
        availability.Reason switch
        {
            ConstraintReason.None => availability.Remaining <= Scarcity.FewLeftThreshold ? $"Only {availability.Remaining} left" : null,
            ConstraintReason.EventNotOnSale => "Not on sale",
            ConstraintReason.Inactive => "Not on sale",
            ConstraintReason.MembersOnly => "For members only",
            ConstraintReason.Hidden => "Needs a code",
            ConstraintReason.SalesNotStarted => salesStart is { } start ? $"On sale from {EventTime.Format(start, timeZone)}" : "Not on sale yet",
            ConstraintReason.SalesEnded => "Sales have ended",
            ConstraintReason.SoldOut => "Sold out",
            ConstraintReason.SessionFull =>
                Full(availability.LimitingSessionCodes.Select(code => sessionNames.GetValueOrDefault(code, code)).ToList()),
        };

    private static string Full(List<string> names) => names.Count switch
    {
        0 => "Sold out",
        1 => $"{names[0]} is full",
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]} are full",
    };
}
