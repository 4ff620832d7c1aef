using System.Text;
using QRCoder;

namespace EventPlatform.E2E.Infrastructure;

/// <summary>A short Y4M video of a QR code on white, for Chromium's fake camera (<c>--use-file-for-fake-video-capture</c>).</summary>
public static class QrVideo
{
    public static byte[] Y4m(string text, int width = 640, int height = 480, int frames = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var scale = Math.Min(width, height) * 8 / 10 / modules.Count;
        var size = modules.Count * scale;
        var (left, top) = ((width - size) / 2, (height - size) / 2);
        var luma = Enumerable.Repeat((byte)235, width * height).ToArray();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y / scale][x / scale])
                {
                    luma[((top + y) * width) + left + x] = 16;
                }
            }
        }

        var chroma = Enumerable.Repeat((byte)128, width / 2 * (height / 2)).ToArray();
        using var video = new MemoryStream();
        video.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var f = 0; f < frames; f++)
        {
            video.Write(Encoding.ASCII.GetBytes("FRAME\n"));
            video.Write(luma);
            video.Write(chroma);
            video.Write(chroma);
        }

        return video.ToArray();
    }
}
