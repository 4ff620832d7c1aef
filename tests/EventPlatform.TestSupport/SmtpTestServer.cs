using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace EventPlatform.TestSupport;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd writing every message it accepts into a
/// Maildir, read back with MimeKit. Can be stopped and started again on the same port to test
/// delivery retries.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// aiosmtpd's own command line, plus a thread that ends the server once the test host (its first
    /// argument) is gone: a host that crashes, is killed or times out leaves no server behind.
    /// </summary>
    private const string ExitWithTestHost = """
        import os, sys, threading, time
        host = int(sys.argv.pop(1))
        def watch():
            while True:
                try:
                    os.kill(host, 0)
                except ProcessLookupError:
                    os._exit(0)
                time.sleep(1)
        threading.Thread(target=watch, daemon=True).start()
        from aiosmtpd.main import main
        main(sys.argv[1:])
        """;
    private Process? _process;

    private SmtpTestServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer(FreePort(), Path.Combine(Path.GetTempPath(), "ep-smtp-" + Guid.NewGuid().ToString("N")[..12]));
        // A Maildir is three folders; aiosmtpd only creates them when the root does not exist yet.
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(server.Maildir, sub));
        }

        await server.StartProcessAsync();
        return server;
    }

    public async Task StartProcessAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(
                "Tests need Debian's python3 with aiosmtpd: apt-get install python3-aiosmtpd (scripts/test.sh does this).");
        }

        var start = new ProcessStartInfo(Python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        string[] arguments =
        [
            "-c", ExitWithTestHost, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with code {_process.ExitCode}; is python3-aiosmtpd installed?");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening within 30 s.");
    }

    /// <summary>Stops the server (connections are refused until <see cref="StartProcessAsync"/>).</summary>
    public async Task StopProcessAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(path => MimeMessage.Load(path)).OrderBy(m => m.Date).ToList()
            : [];
    }

    /// <summary>
    /// The subject and Message-ID of every message delivered so far, reading headers only (the fault-injection
    /// suite polls hundreds of messages with QR attachments many times a second).
    /// </summary>
    public IReadOnlyList<(string Subject, string MessageId)> Headers()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var subjects = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            using var stream = File.OpenRead(path);
            var headers = HeaderList.Load(stream);
            subjects.Add((headers[HeaderId.Subject] ?? "", headers[HeaderId.MessageId] ?? ""));
        }

        return subjects;
    }

    /// <summary>Waits until a message to <paramref name="to"/> (matching <paramref name="match"/>) arrives.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string to, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages().LastOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email to {to} arrived within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
