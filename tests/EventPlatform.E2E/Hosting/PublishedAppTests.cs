using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using EventPlatform.Data.Hosting;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace EventPlatform.E2E.Hosting;

/// <summary>
/// The deployment path, tested on machines without a Docker engine. The app is published as the
/// Dockerfile publishes it (<c>dotnet publish -c Release</c>) and the published output runs in
/// Production with exactly the environment docker-compose.yml gives an instance — only the host
/// names and ports point at this machine — against a PostgreSQL server reached over TCP with a
/// password (not the socket cluster the other tests use) and a real SMTP server. It must start,
/// migrate an empty database, seed the demo data, sell a ticket in Chromium and email it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishedAppTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ThePublishedApp_InProductionWithComposesEnvironment_MigratesSellsAndEmails()
    {
        var work = Path.Combine(Path.GetTempPath(), "ep-publish-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(work);
        var composeEnvironment = DockerCompose.EnvironmentOf(DockerCompose.AppServices().First().Value);
        var composeDatabase = new NpgsqlConnectionStringBuilder(composeEnvironment["ConnectionStrings__Default"]);
        using var server = StartPasswordProtectedServer(work, composeDatabase);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var published = await PublishAsync(work);
            output.WriteLine($"FIGURES published in {stopwatch.Elapsed.TotalSeconds:0} s");

            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            var environment = new Dictionary<string, string>(composeEnvironment)
            {
                // Where compose's services are on this machine.
                ["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(composeDatabase.ConnectionString)
                    { Host = "127.0.0.1", Port = server.Options.Port }.ConnectionString,
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = fixture.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Site__BaseUrl"] = baseUrl,
                // What the Dockerfile sets.
                ["ASPNETCORE_URLS"] = baseUrl,
                ["Storage__DataDirectory"] = Path.Combine(work, "data"),
            };
            await using var app = await PublishedApp.StartAsync(published, environment);
            await app.WaitUntilReadyAsync(new Uri(baseUrl), TimeSpan.FromSeconds(90));
            output.WriteLine($"FIGURES started, migrated and seeded {stopwatch.Elapsed.TotalSeconds:0} s after the publish began");

            await using (var db = new NpgsqlConnection(environment["ConnectionStrings__Default"]))
            {
                await db.OpenAsync();
                await using var migrations = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", db);
                var applied = (long)(await migrations.ExecuteScalarAsync())!;
                var known = typeof(EventPlatform.Data.EventPlatformDbContext).Assembly.GetTypes()
                    .Count(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)));
                Assert.Equal(known, applied);
            }

            await BuyADemoTicketAsync(baseUrl, app);
            var email = await fixture.Smtp.WaitForMessageAsync("published.buyer@example.com",
                m => (m.Subject ?? "").StartsWith("Your tickets for Northwind Dev Conference", StringComparison.Ordinal));
            Assert.Contains(baseUrl + "/order/", email.TextBody, StringComparison.Ordinal);
            // Warnings are expected (no Data Protection certificate in compose); errors are not.
            Assert.False(Regex.IsMatch(app.Output, @"^\[\d\d:\d\d:\d\d (ERR|FTL)\]", RegexOptions.Multiline), app.Output);
        }
        finally
        {
            server.Stop();
            TryDelete(work);
        }
    }

    private async Task BuyADemoTicketAsync(string baseUrl, PublishedApp app)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl + "/",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("e/northwind-dev-conference-2026");
            await page.WaitForInteractiveAsync();
            await page.GetByLabel("Quantity of Day 1 only").SelectOptionAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
            await page.WaitForInteractiveAsync();
            await page.GetByLabel("Email for your tickets").FillAsync("published.buyer@example.com");
            await page.GetByLabel("Attendee name (ticket 1)").FillAsync("Pat Published");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
            await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
            await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/30");
            await page.GetByLabel("Security code (CVC)").FillAsync("123");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're going!", Level = 1 })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "published-app-confirmation");
        }
        catch
        {
            output.WriteLine(app.Output);
            throw;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>
    /// A cluster of its own that listens on TCP and asks for a password there (scram-sha-256), with
    /// the role and database docker-compose.yml's PostgreSQL service creates.
    /// </summary>
    private static LocalPostgresCluster StartPasswordProtectedServer(string work, NpgsqlConnectionStringBuilder compose)
    {
        var cluster = LocalPostgresCluster.Start(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(work, "postgres"),
            Database = "postgres",
            Durable = false,
            StopWhenProcessExits = true,
            Port = FreePort(),
            ServerSettings = new Dictionary<string, string> { ["listen_addresses"] = "'127.0.0.1'" },
        }, NullLogger.Instance);
        using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            admin.Open();
            Execute(admin, $"CREATE ROLE \"{compose.Username}\" LOGIN PASSWORD '{compose.Password!.Replace("'", "''", StringComparison.Ordinal)}'");
            Execute(admin, $"CREATE DATABASE \"{compose.Database}\" OWNER \"{compose.Username}\"");
            // initdb trusted every connection; over TCP a password is required from now on.
            var hba = Path.Combine(cluster.DataDirectory, "pg_hba.conf");
            var lines = File.ReadAllLines(hba)
                .Select(l => l.StartsWith("host", StringComparison.Ordinal) ? Regex.Replace(l, @"\btrust\s*$", "scram-sha-256") : l);
            File.WriteAllLines(hba, lines);
            Execute(admin, "SELECT pg_reload_conf()");
        }

        // Proof that it does: a wrong password is refused.
        using var wrong = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(compose.ConnectionString)
            { Host = "127.0.0.1", Port = cluster.Options.Port, Password = "not-the-password" }.ConnectionString);
        var refused = Assert.Throws<PostgresException>(() => wrong.Open());
        Assert.Equal("28P01", refused.SqlState);
        return cluster;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>As the Dockerfile does; no build servers are left running afterwards.</summary>
    private static async Task<string> PublishAsync(string work)
    {
        var output = Path.Combine(work, "app");
        var project = Path.Combine(DockerCompose.RepositoryRoot, "EventPlatform.Web", "EventPlatform.Web.csproj");
        var start = new ProcessStartInfo("dotnet",
            ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed: {await stdout}{await stderr}");
        Assert.True(File.Exists(Path.Combine(output, "EventPlatform.Web.dll")));
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Under this run's temporary folder, which the test script removes.
        }
    }

    /// <summary>The published app as a process of its own, with only the given environment on top of the test's.</summary>
    private sealed class PublishedApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private PublishedApp(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static Task<PublishedApp> StartAsync(string folder, IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("dotnet", Path.Combine(folder, "EventPlatform.Web.dll"))
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Nothing of the test host's own ASP.NET or app settings leaks into Production.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(key);
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("the published app did not start");
            var app = new PublishedApp(process);
            process.OutputDataReceived += (_, e) => app.Append(e.Data);
            process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return Task.FromResult(app);
        }

        public async Task WaitUntilReadyAsync(Uri baseAddress, TimeSpan timeout)
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(_process.HasExited, "the published app exited: " + Output);
                try
                {
                    if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250);
            }

            Assert.Fail("the published app was not ready in time: " + Output);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
