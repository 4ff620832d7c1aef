using System.Text.RegularExpressions;
using EventPlatform.Core.Storage;

namespace EventPlatform.Data.Storage;

/// <summary>Files on local disk under <c>{Storage:DataDirectory}/files</c>. Paths are checked so nothing escapes that folder.</summary>
public sealed partial class LocalDiskFileStorage(string root) : IFileStorage
{
    [GeneratedRegex("^[a-z0-9]+(/[a-z0-9][a-z0-9.-]*)+$")]
    private static partial Regex SafePath();

    public string Root { get; } = Path.GetFullPath(root);

    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var full = Resolve(path) ?? throw new ArgumentException($"Unsafe storage path '{path}'.", nameof(path));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".uploading";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
    }

    public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        return Task.FromResult<Stream?>(full is not null && File.Exists(full) ? File.OpenRead(full) : null);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (Resolve(path) is { } full && File.Exists(full))
        {
            File.Delete(full);
        }

        return Task.CompletedTask;
    }

    /// <summary>The full path for a relative one, or null when the path is not one we would have written.</summary>
    public string? Resolve(string path)
    {
        if (path.Length > 200 || path.Contains("..", StringComparison.Ordinal) || !SafePath().IsMatch(path))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, path));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
