using EventPlatform.Core.Common.Events;

namespace EventPlatform.Data.Common.Events;

/// <summary>The domain events of one context: raised (waiting for a commit) and committed (waiting for delivery).</summary>
internal sealed class RaisedEvents
{
    private readonly List<IDomainEvent> _raised = [];
    private readonly List<IDomainEvent> _committed = [];

    public void Raise(IDomainEvent domainEvent) => _raised.Add(domainEvent);

    public void Commit()
    {
        _committed.AddRange(_raised);
        _raised.Clear();
    }

    public void DropUncommitted() => _raised.Clear();

    public IReadOnlyList<IDomainEvent> TakeCommitted()
    {
        if (_committed.Count == 0)
        {
            return [];
        }

        var taken = _committed.ToArray();
        _committed.Clear();
        return taken;
    }

    /// <summary>A pooled context starts its next lease with nothing pending.</summary>
    public void Clear()
    {
        _raised.Clear();
        _committed.Clear();
    }
}
