using EventPlatform.Core;
using EventPlatform.Data;
using EventPlatform.Web.Hosting;
using Serilog;

Log.Logger = Logging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogging();
    if (builder.Environment.IsProduction())
    {
        // Before the data layer, which would otherwise start an embedded database.
        ProductionRequirements.ThrowIfMissing(builder.Configuration);
    }

    builder.Services.AddCore();
    builder.Services.AddData(builder.Configuration, Logging.StartupLogger("Database"));
    builder.AddWeb();

    var app = builder.Build();
    app.UseWeb();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "EventPlatform failed to start: {Message}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
