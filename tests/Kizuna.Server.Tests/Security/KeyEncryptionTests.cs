using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Kizuna.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Security;

/// <summary>With <c>Security:KeyCertificate</c> set, the cookie keys are stored encrypted and still work.</summary>
public sealed class KeyEncryptionTests
{
    private const string Password = "cert-Passw0rd";

    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncryptedAndStillUnprotects()
    {
        await using var app = new KizunaApplication();
        using var pfx = new TempPfx();
        await using var host = app.WithWebHostBuilder(b => b
            .UseSetting("Security:KeyCertificate:Path", pfx.Path)
            .UseSetting("Security:KeyCertificate:Password", Password));
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var roundTrip = protector.Unprotect(protector.Protect("signed in"));

        await using var connection = await host.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        var key = Assert.Single(await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys"));
        Assert.Equal("signed in", roundTrip);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_CertificateThatCannotBeRead_FailsNamingTheSetting()
    {
        using var app = new KizunaApplication();
        using var host = app.WithWebHostBuilder(b => b
            .UseSetting("Security:KeyCertificate:Path", "/nonexistent/keys.pfx"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services);

        Assert.Contains("Security:KeyCertificate:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_CertificateWithoutItsPrivateKey_FailsSayingSo()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Public only", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kizuna-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12, Password));
        try
        {
            using var app = new KizunaApplication();
            using var host = app.WithWebHostBuilder(b => b
                .UseSetting("Security:KeyCertificate:Path", path)
                .UseSetting("Security:KeyCertificate:Password", Password));

            var error = Assert.Throws<InvalidOperationException>(() => host.Services);

            Assert.Contains("without its private key", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A self-signed certificate with its private key, as a password-protected PKCS#12 file.</summary>
    private sealed class TempPfx : IDisposable
    {
        public TempPfx()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Kizuna key encryption test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pkcs12, KeyEncryptionTests.Password));
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kizuna-{Guid.NewGuid():N}.pfx");

        public void Dispose() => File.Delete(Path);
    }
}
