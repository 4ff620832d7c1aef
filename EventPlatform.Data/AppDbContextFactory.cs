using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data;

/// <summary>Hands Core a fresh <see cref="EventPlatformDbContext"/> per operation (from EF's context pool).</summary>
internal sealed class AppDbContextFactory(IDbContextFactory<EventPlatformDbContext> inner) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default)
    {
        var context = await inner.CreateDbContextAsync(cancellationToken);
        // No automatic savepoint around SaveChanges inside our transactions: none of our use cases
        // carries on in a transaction after a failed save (they roll back or return), and the
        // savepoint costs two round trips per save — inside the hot on-sale's transactions too.
        // Set per lease because the context pool resets it.
        context.Database.AutoSavepointsEnabled = false;
        // A pooled context may come back with the events of a transaction disposed uncommitted.
        context.Raised.Clear();
        return context;
    }
}
