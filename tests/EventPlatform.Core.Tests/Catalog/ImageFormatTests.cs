using EventPlatform.Core.Storage;

namespace EventPlatform.Core.Tests.Catalog;

public class ImageFormatTests
{
    [Fact]
    public void Detect_RecognisesJpegPngAndWebPByTheirBytes()
    {
        Assert.Equal(ImageFormat.Jpeg, ImageFormat.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(ImageFormat.Png, ImageFormat.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));
        Assert.Equal(ImageFormat.WebP, ImageFormat.Detect("RIFF\0\0\0\0WEBP"u8));
    }

    [Theory]
    [InlineData("GIF89a......")]
    [InlineData("<svg xmlns=")]
    [InlineData("%PDF-1.7....")]
    [InlineData("RIFF....WAVE")]
    [InlineData("")]
    public void Detect_RefusesEverythingElse(string header) =>
        Assert.Null(ImageFormat.Detect(System.Text.Encoding.ASCII.GetBytes(header)));
}
