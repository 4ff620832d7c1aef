using System.Diagnostics;
using EventPlatform.Core.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// The <c>Faults</c> section, read only by the fault-injection suite (docs/reliability.md):
/// <c>Faults:CrashAt</c> names a <see cref="FaultPoints"/> place and <c>Faults:CrashOnHit</c> which
/// time it is reached kills the process there, with SIGKILL — no finally blocks, no flushing, no
/// graceful shutdown, exactly as <c>kill -9</c> or a lost machine would.
/// </summary>
public sealed class FaultOptions
{
    public const string SectionName = "Faults";

    /// <summary>Maps the suite's buyer endpoints (<see cref="Api.FaultDriverEndpoints"/>). Refused in Production.</summary>
    public bool Enabled { get; set; }

    public string? CrashAt { get; set; }

    public int CrashOnHit { get; set; } = 1;
}

internal static class FaultInjection
{
    public static IServiceCollection AddFaultInjection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(FaultOptions.SectionName).Get<FaultOptions>() ?? new FaultOptions();
        if (!options.Enabled)
        {
            return services;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Faults:Enabled is for the fault-injection suite only and is refused in Production.");
        }

        var injector = new ArmableFaultInjector();
        if (options.CrashAt is { Length: > 0 } point)
        {
            injector.Arm(point, options.CrashOnHit);
        }

        services.AddSingleton(injector);
        services.Replace(ServiceDescriptor.Singleton<IFaultInjector>(injector));
        return services;
    }
}

/// <summary>Kills the process the Nth time an armed point is reached; armed from configuration or by the suite (<c>/_faults/arm</c>).</summary>
internal sealed class ArmableFaultInjector : IFaultInjector
{
    private readonly Lock _gate = new();
    private string? _point;
    private int _remaining;

    public void Arm(string point, int onHit)
    {
        if (!FaultPoints.All.Contains(point))
        {
            throw new ArgumentException($"'{point}' is not one of: {string.Join(", ", FaultPoints.All)}.", nameof(point));
        }

        lock (_gate)
        {
            _point = point;
            _remaining = Math.Max(1, onHit);
        }
    }

    public void Reached(string point)
    {
        lock (_gate)
        {
            if (point != _point || --_remaining > 0)
            {
                return;
            }
        }

        Console.Error.WriteLine($"Fault injection: killing the process at {point}");
        // On Linux, Process.Kill sends SIGKILL, to ourselves too: no finally blocks, no flushing.
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }
}
