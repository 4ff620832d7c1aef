namespace EventPlatform.Data.Hosting;

/// <summary>How to run the embedded PostgreSQL cluster.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data folder (created and initialised on first use).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The database the application uses (created when missing).</summary>
    public string Database { get; init; } = "eventplatform";

    /// <summary>
    /// False for throwaway test clusters: <c>fsync</c> and <c>synchronous_commit</c> off, which is
    /// fast and loses data on a power cut. True (the default) is the real thing.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>
    /// When running as root, a folder the <c>postgres</c> user can reach, used instead of
    /// <see cref="DataDirectory"/> if that one is inside a folder closed to other users (e.g. a clone under /root).
    /// </summary>
    public string RootFallbackParent { get; init; } = "/var/lib/eventplatform";

    /// <summary>
    /// For throwaway clusters: a small watchdog process stops the server (and deletes
    /// <see cref="DeleteWhenStopped"/>) as soon as this process has gone, however it ended (exit,
    /// cancellation, crash, kill -9), so no server is left running after a test host.
    /// </summary>
    public bool StopWhenProcessExits { get; init; }

    /// <summary>
    /// With <see cref="StopWhenProcessExits"/>: a folder the watchdog deletes after stopping the
    /// server, together with the cluster's data folder (which differs when running as root).
    /// </summary>
    public string? DeleteWhenStopped { get; init; }

    /// <summary>
    /// The server's port: it names the socket file, and is the TCP port when a server setting
    /// turns TCP on (<c>listen_addresses</c>; the deployment test does).
    /// </summary>
    public int Port { get; init; } = 5432;

    /// <summary>Extra <c>-c name=value</c> server settings.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();
}
