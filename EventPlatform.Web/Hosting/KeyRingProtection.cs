using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// The Data Protection key ring (what signs cookies, antiforgery tokens and reset codes) is kept
/// in PostgreSQL. With <c>DataProtection:CertificatePath</c> (a PKCS#12 file, and
/// <c>DataProtection:CertificatePassword</c>) each key is encrypted with that certificate, so a
/// copy of the database alone cannot forge a sign-in. Without it the keys are stored in the clear
/// and the log says so once at start (the README explains the choice).
/// </summary>
internal static class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return builder;
        }

        // A configured but unreadable certificate stops the start: silently storing keys in the clear would be worse.
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificatePathKey} must name a certificate with its private key (a .pfx / .p12 file).");
        }

        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
