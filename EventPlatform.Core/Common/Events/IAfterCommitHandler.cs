namespace EventPlatform.Core.Common.Events;

/// <summary>
/// Reacts to the domain events of one committed transaction. Handlers are singletons, called one
/// after another in registration order, with all the events of the commit at once so that each can
/// coalesce (one live update per event, however many tickets changed).
/// </summary>
public interface IAfterCommitHandler
{
    Task HandleAsync(IReadOnlyList<IDomainEvent> committed, CancellationToken ct);
}
