namespace EventPlatform.Core.Messaging.Reminders;

/// <summary>Which sessions a reminder rule is about.</summary>
public enum ReminderScope
{
    /// <summary>Every session, to the people holding a ticket for it ("24 hours before each session").</summary>
    EachSession,
    /// <summary>One session (<see cref="ReminderRule.SessionId"/>), to the people holding a ticket for it.</summary>
    OneSession,
    /// <summary>The event as a whole: its first session's start or its last session's end, to everyone holding a ticket.</summary>
    WholeEvent,
}

/// <summary>Which moment of the session (or event) the offset counts from.</summary>
public enum ReminderAnchor
{
    Start,
    End,
}

/// <summary>
/// "Send the reminder email <see cref="OffsetMinutes"/> from the <see cref="Anchor"/> of
/// <see cref="Scope"/>": negative offsets are before, positive after. Every event starts with one
/// enabled rule (<see cref="Default"/>), which the organizer can change or turn off. The wording is the
/// organization's reminder template. Each (rule, session, address) is sent at most once
/// (<see cref="ReminderDelivery"/>).
/// </summary>
public class ReminderRule
{
    /// <summary>At most four weeks either side of the moment.</summary>
    public const int MaxOffsetMinutes = 28 * 24 * 60;

    /// <summary>Rules an event may have: each one mails every attendee, so a handful is plenty and a flood is impossible.</summary>
    public const int MaxRulesPerEvent = 5;

    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public ReminderScope Scope { get; set; }
    /// <summary>The session of a <see cref="ReminderScope.OneSession"/> rule; null otherwise.</summary>
    public Guid? SessionId { get; set; }
    public ReminderAnchor Anchor { get; set; }
    public int OffsetMinutes { get; set; }
    public bool Enabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The reminder every event starts with: 24 hours before each session the attendee holds a ticket for.</summary>
    public static ReminderRule Default(Guid eventId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EventId = eventId,
        Scope = ReminderScope.EachSession,
        Anchor = ReminderAnchor.Start,
        OffsetMinutes = -24 * 60,
        Enabled = true,
        CreatedAt = now,
    };
}

/// <summary>
/// That the reminder of a rule for a session was queued for an address: the row's unique key
/// (rule, session, email) is what makes a reminder go once, even when two workers run the same pass
/// or one restarts halfway (the row and the outbox email commit together).
/// </summary>
public class ReminderDelivery
{
    public Guid Id { get; set; }
    public Guid RuleId { get; set; }
    public Guid SessionId { get; set; }
    /// <summary>The address, lower-cased.</summary>
    public required string Email { get; set; }
    public Guid OutboxEmailId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
