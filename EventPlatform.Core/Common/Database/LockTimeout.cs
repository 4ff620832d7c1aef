namespace EventPlatform.Core.Common.Database;

/// <summary>How long a transaction begun with <see cref="IAppDbContext.BeginTransactionWithLockTimeoutAsync"/> waits for a row lock.</summary>
public static class LockTimeout
{
    /// <summary>
    /// Long enough for a queue of purchases on one hot session row to drain; short enough that a
    /// buyer behind a stuck lock hears "busy, try again" instead of a spinning page.
    /// </summary>
    public static readonly TimeSpan Purchase = TimeSpan.FromSeconds(5);
}
