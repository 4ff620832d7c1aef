using EventPlatform.Core.Common;

namespace EventPlatform.Core.Storage;

/// <summary>
/// Reads an uploaded image into memory, refusing it when it is larger than allowed or is not a
/// JPEG, PNG or WebP by its own bytes. Shared by event covers and organization logos.
/// </summary>
public static class ImageUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<(MemoryStream? Image, ImageFormat? Format, string? Error)> ReadAsync(Stream content, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        // Read at most one chunk past the limit: enough to know it is too big, never more.
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                await buffer.DisposeAsync();
                return (null, null, UserMessages.CoverTooLarge);
            }
        }

        var format = ImageFormat.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, ImageFormat.HeaderLength)));
        if (format is null)
        {
            await buffer.DisposeAsync();
            return (null, null, UserMessages.CoverWrongType);
        }

        buffer.Position = 0;
        return (buffer, format, null);
    }
}
