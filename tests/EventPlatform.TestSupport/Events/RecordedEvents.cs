using System.Collections.Concurrent;
using EventPlatform.Core.Common.Events;

namespace EventPlatform.TestSupport.Events;

/// <summary>
/// An after-commit handler that keeps every domain event delivered, in order, so a test can assert
/// what a use case announced (register it with <c>AddSingleton&lt;IAfterCommitHandler&gt;</c>).
/// </summary>
public sealed class RecordedEvents : IAfterCommitHandler
{
    private readonly ConcurrentQueue<IDomainEvent> _delivered = new();

    public IReadOnlyList<IDomainEvent> All => _delivered.ToList();

    public IReadOnlyList<T> Of<T>()
        where T : IDomainEvent =>
        _delivered.OfType<T>().ToList();

    public Task HandleAsync(IReadOnlyList<IDomainEvent> committed, CancellationToken ct)
    {
        foreach (var domainEvent in committed)
        {
            _delivered.Enqueue(domainEvent);
        }

        return Task.CompletedTask;
    }
}
