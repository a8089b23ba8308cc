namespace Kizuna.Messaging.Channels.Email;

/// <summary>DKIM signing (<c>Messaging:Email:Dkim:*</c>): on when a domain, a selector and a private key are set.</summary>
public sealed class DkimOptions
{
    /// <summary>The signing domain (<c>d=</c>), usually the From address's.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>) under which the public key is published: <c>{selector}._domainkey.{domain}</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>A PEM file holding the RSA private key.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The RSA private key as PEM text (instead of a file).</summary>
    public string? PrivateKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || HasKey;

    public bool HasKey => !string.IsNullOrWhiteSpace(PrivateKeyPath) || !string.IsNullOrWhiteSpace(PrivateKey);
}
