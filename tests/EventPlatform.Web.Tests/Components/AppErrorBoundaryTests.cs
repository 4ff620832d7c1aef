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

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
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
}
