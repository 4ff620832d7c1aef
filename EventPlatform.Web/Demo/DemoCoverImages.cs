using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace EventPlatform.Web.Demo;

/// <summary>
/// Cover images for the demo events, drawn here (no downloads): a diagonal two-colour gradient
/// with soft circles, encoded as a PNG by hand — the format is simple enough, and the demo
/// needs no image library.
/// </summary>
internal static class DemoCoverImages
{
    public static byte[] Create(string fromHex, string toHex, int seed, int width = 800, int height = 400)
    {
        var (r1, g1, b1) = Parse(fromHex);
        var (r2, g2, b2) = Parse(toHex);
        var random = new Random(seed);
        var circles = Enumerable.Range(0, 5).Select(_ => (X: random.Next(width), Y: random.Next(height), R: random.Next(60, 180))).ToArray();

        // One filter byte (0 = none) before each row of RGB pixels.
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                var t = (x / (double)width + y / (double)height) / 2;
                var light = circles.Any(c => (x - c.X) * (x - c.X) + (y - c.Y) * (y - c.Y) < c.R * c.R) ? 0.12 : 0;
                var i = row + 1 + x * 3;
                raw[i] = Mix(r1, r2, t, light);
                raw[i + 1] = Mix(g1, g2, t, light);
                raw[i + 2] = Mix(b1, b2, t, light);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte Mix(int a, int b, double t, double light)
    {
        var value = a + (b - a) * t;
        return (byte)Math.Clamp(value + (255 - value) * light, 0, 255);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }

    private static (int R, int G, int B) Parse(string hex) =>
        (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
}
