namespace EventPlatform.Core.Common.Events;

/// <summary>
/// Something that happened in the business, raised by a use case inside its transaction with
/// <see cref="IAppDbContext.Raise"/> and delivered to the <see cref="IAfterCommitHandler"/>s only
/// once that transaction has committed — never for a change that was rolled back.
/// </summary>
/// <remarks>
/// Delivery is in-process and best effort (cache invalidation, live pages): a handler's failure is
/// logged and never fails the change. Work that must survive a crash (emails, later outgoing
/// webhooks) is written as an outbox row in the same transaction instead.
/// </remarks>
public interface IDomainEvent;

/// <summary>A domain event that changes what an event's pages and dashboards show (availability, sales, check-ins).</summary>
public interface IChangesEventPage : IDomainEvent
{
    Guid EventId { get; }
}
