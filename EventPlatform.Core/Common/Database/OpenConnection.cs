using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Common.Database;

/// <summary>
/// Keeps a context's connection open for a use case's several statements, so they share one pool
/// checkout instead of one each (EF opens and closes per query otherwise).
/// </summary>
public static class OpenConnection
{
    /// <summary>
    /// Opens the connection until the returned scope is disposed: dispose it before the context.
    /// </summary>
    /// <remarks>
    /// The explicit close matters with pooled contexts: a context returned to EF's pool with a
    /// connection the caller opened and never closed came back to its next user still counted as
    /// opened by the user, and EF then kept that user's connection checked out from its first query
    /// until disposal (across a payment gateway's HTTP call, for one), as a test in
    /// <c>PooledContextConnectionTests</c> showed.
    /// </remarks>
    public static async Task<IAsyncDisposable> KeepOpenAsync(IAppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new Scope(db);
    }

    private sealed class Scope(IAppDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
