using QRCoder;

namespace EventPlatform.Core.Ordering.Tickets;

/// <summary>QR images of ticket codes (QRCoder, pure managed code: no native graphics library needed).</summary>
public static class QrCodes
{
    /// <summary>A PNG with a quiet zone, error correction M (survives a scuffed phone screen), 8 pixels per module.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string DataUri(string text, int pixelsPerModule = 8) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}
