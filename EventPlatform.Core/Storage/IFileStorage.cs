namespace EventPlatform.Core.Storage;

/// <summary>
/// Where uploaded files (cover images, later logos) live. Local disk under the data folder by
/// default; an S3-compatible store can implement the same interface.
/// </summary>
public interface IFileStorage
{
    /// <summary>Stores the content under a relative path like <c>events/{id}/cover-{n}.jpg</c>, replacing any file there.</summary>
    Task SaveAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file, or returns null when there is none.</summary>
    Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken);

    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
