namespace EventPlatform.Core.CheckIn;

public enum KioskState
{
    Active,
    Expired,
    Revoked,
}

public sealed record KioskRow(Guid Id, string StationName, string? SessionName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastActivityAt, KioskState State);

/// <summary>The token of a new kiosk: shown once, never stored.</summary>
public sealed record KioskCreated(Guid KioskId, string Token);
