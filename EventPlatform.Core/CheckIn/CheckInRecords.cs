namespace EventPlatform.Core.CheckIn;

/// <summary>
/// One ticket admitted to one session. The database allows one live row per ticket and session
/// (a partial unique index), so two kiosks scanning the same ticket at once give one success.
/// </summary>
public class CheckInRecord
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid TicketId { get; set; }
    public Guid SessionId { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
    public required string StationName { get; set; }
    public Guid? KioskId { get; set; }
    public Guid? ByUserId { get; set; }
    /// <summary>Set when staff undid it (within 5 minutes); the ticket can then be checked in again.</summary>
    public DateTimeOffset? UndoneAt { get; set; }
}

/// <summary>
/// A check-in station for one event, opened on a tablet with a link carrying a token. Only the
/// token's SHA-256 hash is stored; the token is shown once, when the kiosk is created.
/// </summary>
public class Kiosk
{
    public const int MinHours = 1;
    public const int MaxHours = 8;

    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string StationName { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>Only this session may be checked in here; null = any session of the event.</summary>
    public Guid? SessionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    /// <summary>The device cookie of the tablet that first opened the link: the only one it works on.</summary>
    public string? BoundDevice { get; set; }

    public bool IsActive(DateTimeOffset now) => StateAt(now) == KioskState.Active;

    /// <summary>Revoked wins over expired: an organizer who revoked it should see that, whenever it would have run out.</summary>
    public KioskState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? KioskState.Revoked : ExpiresAt <= now ? KioskState.Expired : KioskState.Active;
}
