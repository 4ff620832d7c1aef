using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace EventPlatform.Web.Hosting;

/// <summary>Serilog: console and rolling files, with the correlation id in every line.</summary>
internal static class Logging
{
    private const string Template =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Logs start-up (before configuration is read) to the console.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: Template)
        .CreateBootstrapLogger();

    /// <summary>A Microsoft logger over the bootstrap logger, for code that runs while services are registered.</summary>
    public static Microsoft.Extensions.Logging.ILogger StartupLogger(string category) =>
        new SerilogLoggerFactory(Log.Logger).CreateLogger(category);

    public static void AddLogging(this WebApplicationBuilder builder)
    {
        var logFolder = Path.Combine(Path.GetFullPath(builder.Configuration["Storage:DataDirectory"] ?? ".data"), "logs");
        // preserveStaticLogger: the static bootstrap logger stays as it is (several hosts in one test process).
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: Template)
            .WriteTo.File(
                Path.Combine(logFolder, "eventplatform-.log"),
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} " + Template,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14));
    }
}
