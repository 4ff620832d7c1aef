using Microsoft.AspNetCore.Components.Server.Circuits;
using Serilog.Context;

namespace EventPlatform.Web.Hosting;

/// <summary>The correlation id of the current interactive circuit (scoped: one per circuit).</summary>
public sealed class CircuitCorrelationId
{
    public string Value { get; } = "c-" + CorrelationId.NewId();
}

/// <summary>
/// Puts the circuit's correlation id on every log line written while the circuit handles an
/// event, so an error shown to a user can be found in the logs by the id on their screen.
/// </summary>
internal sealed class CircuitCorrelationHandler(CircuitCorrelationId correlationId) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (LogContext.PushProperty("CorrelationId", correlationId.Value))
            {
                await next(context);
            }
        };
}
