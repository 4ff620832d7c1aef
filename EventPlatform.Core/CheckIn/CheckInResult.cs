namespace EventPlatform.Core.CheckIn;

/// <summary>
/// What a scan found. The reasons are checked in the order docs/product.md, "6. Check-in and
/// kiosks", lists the refusals.
/// </summary>
public enum CheckInOutcome
{
    CheckedIn,
    AlreadyCheckedIn,
    UnknownCode,
    WrongEvent,
    Cancelled,
    /// <summary>The buyer's bank disputes the payment (open, or lost): not admitted until it is decided.</summary>
    PaymentDisputed,
    NotPaid,
    SessionNotIncluded,
    KioskNotAllowedForSession,
    KioskEnded,
    /// <summary>The staff member's check-in role was taken away since the page opened.</summary>
    StaffAccessEnded,
}

/// <summary>The result screen's content.</summary>
public sealed record CheckInResult(
    CheckInOutcome Outcome,
    string? AttendeeName = null,
    string? TicketTypeName = null,
    string? SessionName = null,
    DateTimeOffset? PreviousAt = null,
    string? PreviousStation = null,
    Guid? CheckInId = null,
    Guid? TicketId = null)
{
    public bool Succeeded => Outcome == CheckInOutcome.CheckedIn;
}

/// <summary>The refusal reasons in plain words, readable at arm's length.</summary>
public static class CheckInWording
{
    public static string Headline(CheckInResult result, string timeZone) => result.Outcome switch
    {
        CheckInOutcome.CheckedIn => "Welcome!",
        CheckInOutcome.AlreadyCheckedIn => (result.PreviousAt, result.PreviousStation) switch
        {
            ({ } at, { } station) => $"Already checked in at {Catalog.EventTime.FormatTime(at, timeZone)} at {station}",
            ({ } at, null) => $"Already checked in at {Catalog.EventTime.FormatTime(at, timeZone)}",
            _ => "Already checked in",
        },
        CheckInOutcome.UnknownCode => "Unknown code",
        CheckInOutcome.WrongEvent => "This ticket is for another event",
        CheckInOutcome.Cancelled => "This ticket was cancelled or refunded",
        CheckInOutcome.PaymentDisputed => "Payment disputed: please see the organizer",
        CheckInOutcome.NotPaid => "This ticket is not paid",
        CheckInOutcome.SessionNotIncluded => "This ticket does not include this session",
        CheckInOutcome.KioskNotAllowedForSession => "This kiosk may not check in this session",
        CheckInOutcome.KioskEnded => "This kiosk has ended",
        CheckInOutcome.StaffAccessEnded => "Your check-in access has ended",
        _ => "Unknown code",
    };
}
