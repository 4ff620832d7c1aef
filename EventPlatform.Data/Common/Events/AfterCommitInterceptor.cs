using System.Data.Common;
using EventPlatform.Core.Common.Events;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventPlatform.Data.Common.Events;

/// <summary>
/// Hands the domain events a context collected to the <see cref="AfterCommitDispatcher"/> once they
/// are durable. A commit (of our transaction, or of the one EF wraps around a lone save) makes the
/// events raised so far committed; a rollback drops them. They are delivered when the context then
/// closes its connection — that is, once the connection is back in the pool — or, for a save
/// that needed no transaction at all, when the save returns.
/// </summary>
/// <remarks>
/// Why not at the commit itself: a handler may need a connection of its own (the live relay sends
/// NOTIFY to the other instances), and a caller holding one pooled connection while waiting for
/// another starves the pool under load (docs/reliability.md, "Pool starvation"). The connection
/// of a transaction closes when the transaction is disposed, so the events are still delivered
/// before the use case returns.
/// </remarks>
internal sealed class AfterCommitInterceptor(AfterCommitDispatcher dispatcher) : IDbTransactionInterceptor, IDbConnectionInterceptor,
    ISaveChangesInterceptor
{
    /// <summary>
    /// A save outside our transactions: EF wraps several statements in a transaction of its own
    /// (committed and delivered above), but sends a single statement with none — it is durable now.
    /// </summary>
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is EventPlatformDbContext { Database.CurrentTransaction: null } context)
        {
            context.Raised.Commit();
            if (context.Raised.TakeCommitted() is { Count: > 0 } committed)
            {
                await dispatcher.DispatchAsync(committed, CancellationToken.None);
            }
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as EventPlatformDbContext)?.Raised.Commit();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as EventPlatformDbContext)?.Raised.Commit();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as EventPlatformDbContext)?.Raised.DropUncommitted();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as EventPlatformDbContext)?.Raised.DropUncommitted();
        return Task.CompletedTask;
    }

    public async Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is EventPlatformDbContext context && context.Raised.TakeCommitted() is { Count: > 0 } committed)
        {
            await dispatcher.DispatchAsync(committed, CancellationToken.None);
        }
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData)
    {
        // Only synchronous closes get here (none of our use cases closes synchronously); the events are still delivered.
        if (eventData.Context is EventPlatformDbContext context && context.Raised.TakeCommitted() is { Count: > 0 } committed)
        {
            dispatcher.DispatchAsync(committed, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
