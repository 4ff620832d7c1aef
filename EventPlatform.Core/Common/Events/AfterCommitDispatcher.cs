using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Common.Events;

/// <summary>
/// Delivers the domain events of a committed transaction to every <see cref="IAfterCommitHandler"/>.
/// Data calls it from the DbContext once the commit has succeeded.
/// </summary>
public sealed class AfterCommitDispatcher(IServiceProvider services, ILogger<AfterCommitDispatcher> logger)
{
    // Resolved on first use: the handlers depend on services (the live relay) that may depend on the database.
    private IAfterCommitHandler[]? _handlers;

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> committed, CancellationToken ct)
    {
        if (committed.Count == 0)
        {
            return;
        }

        foreach (var handler in _handlers ??= services.GetServices<IAfterCommitHandler>().ToArray())
        {
            try
            {
                await handler.HandleAsync(committed, ct);
            }
            catch (Exception ex)
            {
                // The change is committed: a failed notification must never turn it into an error.
                logger.LogWarning(ex, "After-commit handler {Handler} failed for {Events}", handler.GetType().Name,
                    string.Join(", ", committed.Select(e => e.GetType().Name)));
            }
        }
    }
}
