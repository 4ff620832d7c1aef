using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EventPlatform.TestSupport.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Security;

/// <summary>With a configured certificate, the Data Protection keys in the database are encrypted.</summary>
public sealed class KeyRingProtectionTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ep-cert-").FullName;
    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=EventPlatform key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        _app = await TestApp.CreateAsync("keyring", settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = path,
            ["DataProtection:CertificatePassword"] = "pfx-pass",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheKeysAtRest_AreEncryptedWithTheCertificate_AndStillWork()
    {
        // A sign-in page carries an antiforgery token: it makes (and uses) a key.
        var page = await _app.CreateClient().GetStringAsync("/Account/Login");
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventPlatform.Data.EventPlatformDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
