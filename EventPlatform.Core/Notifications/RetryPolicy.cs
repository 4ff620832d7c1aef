namespace EventPlatform.Core.Notifications;

/// <summary>
/// When to try a failed email again: exponential backoff (15 s doubling, at most an hour apart),
/// for two days — a mail server down over a weekend night still gets every email — then give up
/// and show it as failed, with a retry action, to platform admins.
/// </summary>
public static class RetryPolicy
{
    /// <summary>An email still not sent this long after it was queued is marked Failed.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(48);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);

    /// <summary>Delay before the next try after <paramref name="failedAttempts"/> failures (1 → 15 s, 2 → 30 s, … capped at 1 h).</summary>
    public static TimeSpan DelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 20);
        var delay = FirstDelay * Math.Pow(2, exponent);
        return delay < LongestDelay ? delay : LongestDelay;
    }

    /// <summary>When to try next, or null to give up (the next try would fall after <see cref="GiveUpAfter"/>).</summary>
    public static DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset queuedAt, DateTimeOffset now)
    {
        var next = now + DelayAfter(failedAttempts);
        return next - queuedAt > GiveUpAfter ? null : next;
    }
}
