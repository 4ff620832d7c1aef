namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Admission to an event's hot counter rows: at most <see cref="PerEvent"/> hold transactions of one
/// event run at once in this instance, and the others wait here, in order, for up to
/// <see cref="MaxWait"/>. Without it, 256 buyers of one on-sale all opened a transaction and queued
/// on the session rows inside PostgreSQL: every waiter held a connection and a backend, the lock
/// queue was woken at every commit, and 13 % of the attempts ran into the 5-second lock timeout
/// ("busy, try again"). The database stays the guard of capacity; this only orders the crowd.
/// </summary>
public sealed class HoldAdmission(TimeSpan maxWait)
{
    public HoldAdmission()
        : this(MaxWait)
    {
    }

    /// <summary>
    /// One transaction holds the counter rows while the others read the counters, check the selection
    /// and begin theirs, so a few in flight keep the rows busy without a queue.
    /// </summary>
    public const int PerEvent = 8;

    /// <summary>As long as a buyer would wait for the rows' lock (the lock timeout) before "busy, try again".</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private readonly Dictionary<Guid, Gate> _gates = [];
    private readonly Lock _lock = new();

    /// <summary>Events with a gate right now (gates go when their last buyer leaves).</summary>
    public int GateCount
    {
        get
        {
            lock (_lock)
            {
                return _gates.Count;
            }
        }
    }

    /// <returns>The admission, to dispose when the transaction has ended; null when the wait was too long.</returns>
    public async Task<IDisposable?> EnterAsync(Guid eventId, CancellationToken ct = default)
    {
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(eventId, out gate!))
            {
                gate = new Gate();
                _gates[eventId] = gate;
            }

            gate.Users++;
        }

        var admitted = false;
        try
        {
            admitted = await gate.Slots.WaitAsync(maxWait, ct);
        }
        finally
        {
            if (!admitted)
            {
                Leave(eventId, gate);
            }
        }

        return admitted ? new Admission(this, eventId, gate) : null;
    }

    private void Leave(Guid eventId, Gate gate)
    {
        lock (_lock)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(eventId);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Slots { get; } = new(PerEvent, PerEvent);
        public int Users { get; set; }
    }

    private sealed class Admission(HoldAdmission owner, Guid eventId, Gate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Slots.Release();
                owner.Leave(eventId, gate);
            }
        }
    }
}
