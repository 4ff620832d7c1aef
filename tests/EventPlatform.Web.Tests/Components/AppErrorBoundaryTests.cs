using Bunit;
using EventPlatform.Web.Components.Layout;
using EventPlatform.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Web.Tests.Components;

public sealed class AppErrorBoundaryTests : WebComponentTestBase
{
    private sealed class Exploding : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("boom");
    }

    /// <summary>Throws what Npgsql throws while PostgreSQL is restarting, until the database is back.</summary>
    private sealed class WaitingForTheDatabase : ComponentBase
    {
        public static bool DatabaseBack { get; set; }

        protected override void OnInitialized()
        {
            if (!DatabaseBack)
            {
                throw new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
            }
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
            builder.AddContent(0, "Checkout");
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                owner.Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }

    [Fact]
    public void PageThatThrows_ShowsAFriendlyMessageWithTheCircuitReference_AndLogsIt()
    {
        var logs = new CapturingLoggerProvider();
        var correlation = new CircuitCorrelationId();
        Services.AddSingleton(correlation);
        Services.AddLogging(b => b.AddProvider(logs));

        var rendered = RenderOnCircuit<AppErrorBoundary>(p => p.Add(b => b.ChildContent, builder =>
        {
            builder.OpenComponent<Exploding>(0);
            builder.CloseComponent();
        }));

        Assert.Contains("Something went wrong", rendered.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal(correlation.Value, rendered.Find("[data-testid=error-reference]").TextContent);
        Assert.DoesNotContain("boom", rendered.Markup, StringComparison.Ordinal);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(correlation.Value, entry.Message, StringComparison.Ordinal);
        Assert.Equal("boom", entry.Exception?.Message);
    }

    [Fact]
    public void DatabaseRestarting_SaysBusyNotError_AndTryAgainRendersThePageInPlace()
    {
        var logs = new CapturingLoggerProvider();
        Services.AddSingleton(new CircuitCorrelationId());
        Services.AddLogging(b => b.AddProvider(logs));
        WaitingForTheDatabase.DatabaseBack = false;

        var rendered = RenderOnCircuit<AppErrorBoundary>(p => p.Add(b => b.ChildContent, builder =>
        {
            builder.OpenComponent<WaitingForTheDatabase>(0);
            builder.CloseComponent();
        }));

        Assert.Equal("Busy for a moment", rendered.Find("h1").TextContent);
        Assert.Contains(Core.Common.UserMessages.Busy, rendered.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning);

        WaitingForTheDatabase.DatabaseBack = true;
        rendered.Find("button").Click();
        Assert.Equal("Checkout", rendered.Markup.Trim());
    }
}
