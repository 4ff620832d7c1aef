using System.Runtime.CompilerServices;
using EventPlatform.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventPlatform.Data.Notifications;

/// <summary>After a save that added outbox emails has committed, nudges the worker.</summary>
/// <remarks>One instance serves every context (the options are shared), so per-save state is kept per context.</remarks>
internal sealed class OutboxWakeUpInterceptor(IOutboxWakeUp wakeUp) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _savingEmails = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxEmail>().Any(e => e.State == EntityState.Added))
        {
            _savingEmails.AddOrUpdate(context, true);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the commit comes later; the worker's poll picks those up.
        if (eventData.Context is { } context && _savingEmails.Remove(context) && context.Database.CurrentTransaction is null)
        {
            wakeUp.Nudge();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
