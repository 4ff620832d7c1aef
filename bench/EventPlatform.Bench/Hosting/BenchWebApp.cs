using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventPlatform.Bench;

/// <summary>
/// The real web application (Production environment, Kestrel on a loopback port) over the
/// bench's durable database, for the scenarios that go through HTTP or a browser circuit.
/// </summary>
internal sealed class BenchWebApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private BenchWebApp(Dictionary<string, string?> settings) => _settings = settings;

    public Uri BaseAddress { get; private set; } = default!;

    public static BenchWebApp Start(BenchHost host)
    {
        var port = FreePort();
        var app = new BenchWebApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = host.ConnectionString,
            ["Storage:DataDirectory"] = Path.Combine(host.Folder, "app"),
            ["DemoData:Enabled"] = "false",
            ["Payments:WebhookSecret"] = BenchHost.WebhookSecret,
            ["Site:BaseUrl"] = $"http://127.0.0.1:{port}",
            // Production refuses to start without SMTP; no scenario here sends mail.
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "9",
            ["Smtp:Security"] = "None",
        });
        // One log line per request would flood the report on stdout; warnings still show. (An
        // environment variable, because a host setting's key may not contain dots.)
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        app.UseKestrel(port);
        app.StartServer();
        app.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Run from the build output rather than a publish folder: serve the framework's files
        // (blazor.web.js) from where the build left them, as Development does by default.
        builder.UseStaticWebAssets();
        // Marks the requests whose SQL the pages scenario records for its query plans.
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, StatementCapture.MarkRequests>());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
