namespace EventPlatform.Core.Notifications;

/// <summary>When to try a failed email again: exponential backoff, then give up.</summary>
public static class RetryPolicy
{
    /// <summary>After this many failed attempts the email is marked Failed.</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);

    /// <summary>Delay before the next try after <paramref name="failedAttempts"/> failures (1 → 15 s, 2 → 30 s, … capped at 1 h).</summary>
    public static TimeSpan DelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 20);
        var delay = FirstDelay * Math.Pow(2, exponent);
        return delay < LongestDelay ? delay : LongestDelay;
    }
}
