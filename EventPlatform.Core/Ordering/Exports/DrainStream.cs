using System.Buffers;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>
/// Collects what synchronous writers (ZipArchive, the OpenXML and CSV writers) write, and hands it to the destination
/// asynchronously when the export drains it, every few tens of kilobytes. ASP.NET Core refuses synchronous writes
/// to a response body (they would block a thread per slow download), and ZipArchive's Create mode writes
/// synchronously. Write-only and not seekable, which ZipArchive accepts: it then streams each entry with a data
/// descriptor instead of seeking back to patch sizes. So at most one chunk of the file is ever in memory.
/// </summary>
internal sealed class DrainStream(Stream destination) : Stream
{
    /// <summary>How much is collected before the export drains it.</summary>
    public const int ChunkBytes = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _pending = new(ChunkBytes * 2);

    public bool IsFull => _pending.WrittenCount >= ChunkBytes;

    public async ValueTask DrainAsync(CancellationToken ct)
    {
        if (_pending.WrittenCount > 0)
        {
            await destination.WriteAsync(_pending.WrittenMemory, ct);
            _pending.ResetWrittenCount();
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override void WriteByte(byte value) => _pending.Write([value]);

    // Async writes from the writers land in memory too; only DrainAsync touches the destination.
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing to do synchronously: the export drains (asynchronously) when it chooses.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
