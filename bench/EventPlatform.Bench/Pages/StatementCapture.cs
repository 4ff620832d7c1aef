using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace EventPlatform.Bench;

/// <summary>A statement EF Core sent while a captured request was served, with its parameters' values.</summary>
internal sealed record CapturedStatement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// The SQL a page really sends, for EXPLAIN: requests with the <see cref="Header"/> header are
/// marked (an async-local flag set by a middleware at the front of the web app's pipeline, which
/// flows into the prerendering components and their EF Core queries), and EF Core's diagnostic
/// events of marked commands are recorded with their parameters. Other requests and the background
/// workers are not recorded. The listener asks for the events only once <see cref="StartAsync"/>
/// was called, after the measurements: EF Core then builds an event for every command.
/// </summary>
internal static class StatementCapture
{
    public const string Header = "X-Bench-Capture";

    private static readonly AsyncLocal<bool> Marked = new();
    private static readonly ConcurrentQueue<CapturedStatement> Statements = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new ListenerObserver()));
    private static volatile bool _listening;

    /// <summary>Starts listening and forgets what was recorded before.</summary>
    public static async Task StartAsync()
    {
        if (!_listening)
        {
            _ = Subscription.Value;
            _listening = true;
            // EF Core caches whether a diagnostic event is wanted for a while (LoggingCacheTime, 1 s by default).
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Statements.Clear();
    }

    /// <summary>What marked requests sent since <see cref="StartAsync"/> or the last call, in order.</summary>
    public static IReadOnlyList<CapturedStatement> Take()
    {
        var taken = new List<CapturedStatement>();
        while (Statements.TryDequeue(out var statement))
        {
            taken.Add(statement);
        }

        return taken;
    }

    /// <summary>Put in front of the web app's pipeline by <see cref="BenchWebApp"/>.</summary>
    public sealed class MarkRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                Marked.Value = context.Request.Headers.ContainsKey(Header);
                await following(context);
            });
            next(app);
        };
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                // Kept for the life of the process, like the listener.
                listener.Subscribe(new CommandObserver(), (name, _, _) => _listening && name == RelationalEventId.CommandExecuting.Name);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class CommandObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Marked.Value && value.Value is CommandEventData { Command: NpgsqlCommand command })
            {
                Statements.Enqueue(new CapturedStatement(command.CommandText, command.Parameters.Select(p => p.Clone()).ToList()));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
