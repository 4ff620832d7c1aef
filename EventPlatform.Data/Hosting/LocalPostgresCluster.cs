using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EventPlatform.Data.Hosting;

/// <summary>
/// Starts and stops a private PostgreSQL cluster from the server binaries on the machine
/// (<c>initdb</c>, <c>pg_ctl</c>), listening only on a Unix socket. Used when no connection string
/// is configured, and by the tests (with a throwaway folder and <c>fsync=off</c>).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so as root the binaries run as the <c>postgres</c> user and
/// the data folder is owned by it. If the requested folder lies inside a folder that user cannot
/// traverse (a clone under /root), the cluster goes to a folder under
/// <see cref="LocalPostgresOptions.RootFallbackParent"/> instead, and the log says where; the
/// permissions of the user's own folders are never changed. The socket lives in a short folder
/// under /tmp because socket paths are limited to 107 bytes.
/// </remarks>
public sealed class LocalPostgresCluster : IDisposable
{
    private readonly ILogger _logger;
    private readonly string? _runAsUser;
    private readonly string _binDirectory;
    private bool _stopped;

    private LocalPostgresCluster(LocalPostgresOptions options, string dataDirectory, string socketDirectory, string binDirectory, string? runAsUser,
        ILogger logger)
    {
        Options = options;
        DataDirectory = dataDirectory;
        SocketDirectory = socketDirectory;
        _binDirectory = binDirectory;
        _runAsUser = runAsUser;
        _logger = logger;
    }

    public LocalPostgresOptions Options { get; }

    /// <summary>Where the cluster's files actually are (may differ from the requested folder when running as root).</summary>
    public string DataDirectory { get; }

    public string SocketDirectory { get; }

    /// <summary>A connection string to <paramref name="database"/> (default: the options' database) over the Unix socket.</summary>
    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Options.Port,
        Username = "postgres",
        Database = database ?? Options.Database,
        // Enough for the app's pools plus the tests' parallel buyers.
        MaxPoolSize = 100,
    }.ConnectionString;

    /// <summary>Initialises the cluster if needed, starts it (or reuses a running one) and creates the database.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing or the server did not start; the message says what to do.</exception>
    public static LocalPostgresCluster Start(LocalPostgresOptions options, ILogger logger)
    {
        var binDirectory = FindBinDirectory();
        var runAsUser = Environment.IsPrivilegedProcess ? "postgres" : null;
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        if (runAsUser is not null && !CanUserReachParent(runAsUser, dataDirectory))
        {
            var fallback = Path.Combine(options.RootFallbackParent, FolderKey(dataDirectory), "postgres");
            logger.LogWarning(
                "Running as root and the postgres user cannot reach {Requested}; keeping the database cluster in {Fallback} instead",
                dataDirectory, fallback);
            dataDirectory = fallback;
        }

        var socketDirectory = Path.Combine("/tmp", "ep-pg-" + FolderKey(dataDirectory)[^12..]);
        var cluster = new LocalPostgresCluster(options, dataDirectory, socketDirectory, binDirectory, runAsUser, logger);
        cluster.InitialiseIfNeeded();
        cluster.StartServer();
        if (options.StopWhenProcessExits)
        {
            cluster.StartWatchdog();
        }

        cluster.CreateDatabaseIfMissing(options.Database);
        return cluster;
    }

    /// <summary>Creates an empty database on this cluster when it does not exist.</summary>
    public void CreateDatabaseIfMissing(string database, string? template = null)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is not null)
        {
            return;
        }

        var sql = $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" +
                  (template is null ? "" : $" TEMPLATE \"{template.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        using var create = new NpgsqlCommand(sql, connection);
        create.ExecuteNonQuery();
    }

    /// <summary>Stops the server (fast shutdown: running transactions roll back) and waits for it.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        var result = Run("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], allowFailure: true);
        if (result.ExitCode == 0)
        {
            _logger.LogInformation("Embedded PostgreSQL stopped ({DataDirectory})", DataDirectory);
            RemoveEmptySocketDirectory();
        }
        else
        {
            _logger.LogWarning("pg_ctl stop returned {ExitCode}: {Output}", result.ExitCode, result.Output);
        }
    }

    public void Dispose() => Stop();

    /// <summary>
    /// Stops the server with <paramref name="mode"/> (<c>fast</c>: sessions are ended, running
    /// transactions roll back; <c>immediate</c>: no clean shutdown, crash recovery at start), keeps
    /// it down for <paramref name="downFor"/>, and starts it again. For the fault-injection suite.
    /// </summary>
    public void Restart(string mode, TimeSpan downFor)
    {
        if (mode is not ("fast" or "immediate"))
        {
            throw new ArgumentException("fast or immediate", nameof(mode));
        }

        Run("pg_ctl", ["-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop"]);
        Thread.Sleep(downFor);
        StartServer();
    }

    private void InitialiseIfNeeded()
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            EnsureOwnedFolder(SocketDirectory);
            return;
        }

        EnsureOwnedFolder(DataDirectory);
        EnsureOwnedFolder(SocketDirectory);
        _logger.LogInformation("Initialising an embedded PostgreSQL cluster in {DataDirectory}", DataDirectory);
        Run("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
    }

    private void StartServer()
    {
        var status = Run("pg_ctl", ["-D", DataDirectory, "status"], allowFailure: true);
        if (status.ExitCode == 0)
        {
            _logger.LogInformation("Embedded PostgreSQL already running in {DataDirectory}; reusing it", DataDirectory);
            return;
        }

        var settings = new Dictionary<string, string>
        {
            ["listen_addresses"] = "''",
            ["unix_socket_directories"] = $"'{SocketDirectory}'",
            ["unix_socket_permissions"] = "0700",
            ["port"] = Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max_connections"] = "300",
        };
        if (!Options.Durable)
        {
            settings["fsync"] = "off";
            settings["synchronous_commit"] = "off";
            settings["full_page_writes"] = "off";
        }

        foreach (var (key, value) in Options.ServerSettings)
        {
            settings[key] = value;
        }

        var serverOptions = string.Join(' ', settings.Select(s => $"-c {s.Key}={s.Value}"));
        _logger.LogInformation("Starting embedded PostgreSQL (socket {SocketDirectory})", SocketDirectory);
        Run("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
    }

    /// <summary>
    /// Starts a detached shell (its own session, so a signal to our process group does not take it
    /// down first) that polls for our process and stops the server once it has gone. It lets go of
    /// our stdout and stderr at once, so the test runner's pipes close when we exit.
    /// </summary>
    /// <summary>The socket folder lives directly under /tmp (short paths); once the server is down it is empty, so it goes.</summary>
    private void RemoveEmptySocketDirectory()
    {
        try
        {
            if (Directory.Exists(SocketDirectory) && !Directory.EnumerateFileSystemEntries(SocketDirectory).Any())
            {
                Directory.Delete(SocketDirectory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug(ex, "Socket folder {SocketDirectory} left in place", SocketDirectory);
        }
    }

    private void StartWatchdog()
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ -n "$4" ]; then runuser -u "$4" -- "$2" -D "$3" -m immediate -w stop; else "$2" -D "$3" -m immediate -w stop; fi
            if [ -n "$5" ]; then rm -rf "$5" "$3"; rmdir "$6" 2>/dev/null; fi
            """;
        string[] arguments =
        [
            "sh", "-c", script, "ep-postgres-watchdog",
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path.Combine(_binDirectory, "pg_ctl"), DataDirectory, _runAsUser ?? "", Options.DeleteWhenStopped ?? "", SocketDirectory,
        ];
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
        _logger.LogInformation("PostgreSQL watchdog {Pid} stops the cluster when process {Parent} exits", watchdog.Id, Environment.ProcessId);
    }

    private void EnsureOwnedFolder(string path)
    {
        Directory.CreateDirectory(path);
        if (_runAsUser is not null)
        {
            RunProcess("chown", ["-R", $"{_runAsUser}:", path]);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private (int ExitCode, string Output) Run(string tool, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var result = _runAsUser is null
            ? RunProcess(executable, arguments, allowFailure: true)
            : RunProcess("runuser", ["-u", _runAsUser, "--", executable, .. arguments], allowFailure: true);
        if (result.ExitCode != 0 && !allowFailure)
        {
            var log = Path.Combine(DataDirectory, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "";
            throw new InvalidOperationException(
                $"{tool} failed with exit code {result.ExitCode}.\n{result.Output}\n{tail}".TrimEnd());
        }

        return result;
    }

    private static (int ExitCode, string Output) RunProcess(string fileName, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A neutral working folder the postgres user can read, whatever ours is.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // pg_ctl start leaves the server running with our pipes inherited, so read until exit, not until EOF.
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} did not finish within 2 minutes.");
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{fileName} failed with exit code {process.ExitCode}: {text}");
        }

        return (process.ExitCode, text);
    }

    /// <summary>Can <paramref name="user"/> create and enter <paramref name="folder"/> (or the nearest existing parent)?</summary>
    private static bool CanUserReachParent(string user, string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing) ?? "/";
        }

        // Traversal needs x on every ancestor; the folder we create ourselves gets chowned to the user.
        return RunProcess("runuser", ["-u", user, "--", "test", "-x", existing], allowFailure: true).ExitCode == 0;
    }

    private static string FindBinDirectory()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return ResolveLink(folder);
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")));
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException(
            "No connection string is configured (ConnectionStrings:Default) and the PostgreSQL server binaries " +
            "(initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. Install them " +
            "(Debian/Ubuntu: sudo apt-get install postgresql) or set ConnectionStrings__Default to an existing database.");

        // initdb found through a symlink on PATH (e.g. /usr/local/bin/initdb) must run from its real folder to find its siblings.
        static string ResolveLink(string folder)
        {
            var initdb = new FileInfo(Path.Combine(folder, "initdb"));
            return initdb.LinkTarget is null ? folder : Path.GetDirectoryName(initdb.ResolveLinkTarget(true)!.FullName)!;
        }
    }

    /// <summary>A stable, readable folder name for a path: "main-3f2a9c01b2d4e5f6a7b8".</summary>
    private static string FolderKey(string path)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..20];
        var name = new DirectoryInfo(Path.GetDirectoryName(Path.GetDirectoryName(path) ?? "") ?? "").Name;
        return string.IsNullOrEmpty(name) ? hash : $"{name}-{hash}";
    }
}
