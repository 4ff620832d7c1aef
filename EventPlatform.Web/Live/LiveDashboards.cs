namespace EventPlatform.Web.Live;

/// <summary>
/// Live refresh of dashboards: open dashboards with the same key (an event and session filter, an
/// organization) share one board, and each change of a watched event (already coalesced by
/// <see cref="LiveAvailability"/> to at most 4 per second) makes one read for the board, however
/// many dashboards show it. No dashboard polls or reads on its own.
/// </summary>
internal sealed class LiveDashboards(LiveAvailability live, IServiceScopeFactory scopes, ILogger<LiveDashboards> logger)
{
    private readonly LiveAvailability _live = live;
    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly ILogger _logger = logger;
    private readonly Dictionary<string, Board> _boards = [];
    private readonly Lock _gate = new();
    private long _reads;

    /// <summary>Reads made for open dashboards so far: one per board and change, not one per dashboard.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>
    /// Calls <paramref name="onChanged"/> with a fresh view after each change of one of
    /// <paramref name="eventIds"/>, until disposed. Every watcher of <paramref name="key"/> must read
    /// the same thing: <paramref name="read"/> of the first one is used for all.
    /// </summary>
    public IDisposable Watch<TView>(string key, IReadOnlyCollection<Guid> eventIds, Func<IServiceProvider, Task<TView>> read,
        Func<TView, Task> onChanged) where TView : class
    {
        var watcher = new Watcher(view => onChanged((TView)view));
        lock (_gate)
        {
            if (!_boards.TryGetValue(key, out var board))
            {
                board = new Board(this, key, async services => await read(services));
                board.Start(eventIds);
                _boards[key] = board;
            }

            board.Watchers.Add(watcher);
        }

        return new Unwatch(() => Remove(key, watcher));
    }

    private void Remove(string key, Watcher watcher)
    {
        Board? emptied = null;
        lock (_gate)
        {
            if (_boards.TryGetValue(key, out var board) && board.Watchers.Remove(watcher) && board.Watchers.Count == 0)
            {
                _boards.Remove(key);
                emptied = board;
            }
        }

        emptied?.Dispose();
    }

    private sealed record Watcher(Func<object, Task> OnChanged);

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        private Action? _onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _onDispose, null)?.Invoke();
    }

    /// <summary>One shared view: its watchers, its subscriptions to the live feed, and one read at a time.</summary>
    private sealed class Board(LiveDashboards hub, string key, Func<IServiceProvider, Task<object>> read) : IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private readonly SemaphoreSlim _reading = new(1, 1);

        /// <summary>Guarded by the hub's lock.</summary>
        public List<Watcher> Watchers { get; } = [];

        public void Start(IReadOnlyCollection<Guid> eventIds)
        {
            foreach (var eventId in eventIds.Distinct())
            {
                _subscriptions.Add(hub._live.Subscribe(eventId, _ => RefreshAsync()));
            }
        }

        /// <summary>Leaves the live feed. A refresh under way finishes (it notifies nobody: the board has no watchers left).</summary>
        public void Dispose()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }

        private async Task RefreshAsync()
        {
            // Changes of two watched events at once: the second waits and reads after the first.
            await _reading.WaitAsync();
            try
            {
                Watcher[] targets;
                lock (hub._gate)
                {
                    targets = [.. Watchers];
                }

                if (targets.Length == 0)
                {
                    return;
                }

                Interlocked.Increment(ref hub._reads);
                await using var scope = hub._scopes.CreateAsyncScope();
                var view = await read(scope.ServiceProvider);
                await Task.WhenAll(targets.Select(t => NotifyAsync(t, view)));
            }
            catch (Exception ex)
            {
                // The next change tries again.
                hub._logger.LogWarning(ex, "Live refresh of dashboard {Key} failed", key);
            }
            finally
            {
                _reading.Release();
            }
        }

        private async Task NotifyAsync(Watcher watcher, object view)
        {
            try
            {
                await watcher.OnChanged(view);
            }
            catch (Exception ex)
            {
                hub._logger.LogDebug(ex, "A dashboard of {Key} failed to refresh (its page probably closed)", key);
            }
        }
    }
}
