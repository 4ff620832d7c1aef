namespace EventPlatform.Core.CheckIn;

/// <summary><c>kiosk.created</c>: the kiosk's station name, how many hours it lasts, and the one session it admits to, if limited.</summary>
public sealed record KioskCreatedDetails(string StationName, int Hours, Guid? SessionId);

/// <summary>
/// <c>ticket.checked_in</c> and <c>ticket.check_in_refused</c>: one scan, what it found (stored as the enum's number),
/// at which station, and whose ticket when it was found.
/// </summary>
public sealed record TicketCheckInDetails(CheckInOutcome Outcome, Guid SessionId, string Station, string? AttendeeName);

/// <summary><c>ticket.check_in_undone</c>: the station that took a check-in back.</summary>
public sealed record TicketCheckInUndoneDetails(string Station);
