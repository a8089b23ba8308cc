using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kizuna.Messaging.Links;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Signs the open pixel (<c>/m/o/{token}</c>) and click redirects (<c>/m/c/{token}</c>) of a message with the same
/// Data Protection keys as its other links, each under its own purpose. A click token carries its destination inside
/// the signature, so the redirect goes only where the email pointed: no one can make it an open redirect.
/// </summary>
public sealed class TrackingLinks(IDataProtectionProvider protection, IOptions<MessagingOptions> options)
{
    private const int MaxUrlBytes = 2048;
    private readonly IDataProtector _open = protection.CreateProtector("Kizuna.Messaging.Tracking.v1", "open");
    private readonly IDataProtector _click = protection.CreateProtector("Kizuna.Messaging.Tracking.v1", "click");

    public string OpenUrl(LinkTarget target) => $"{Base}/m/o/{Base64Url.EncodeToString(_open.Protect(Payload(target, null)))}";

    /// <summary>The redirect for <paramref name="url"/>, or null for a destination that is not http(s) or too long to carry.</summary>
    public string? ClickUrl(LinkTarget target, string url) => IsWebUrl(url) && Encoding.UTF8.GetByteCount(url) <= MaxUrlBytes
        ? $"{Base}/m/c/{Base64Url.EncodeToString(_click.Protect(Payload(target, url)))}"
        : null;

    public LinkTarget? VerifyOpen(string? token) => Verify(_open, token)?.Target;

    public (LinkTarget Target, string Url)? VerifyClick(string? token) =>
        Verify(_click, token) is { Url: { } url } found && IsWebUrl(url) ? (found.Target, url) : null;

    /// <summary>Whether a link points at this server's own pages (unsubscribe, preferences, web view), which are never rewritten.</summary>
    public bool IsOwn(string url) => url.StartsWith($"{Base}/m/", StringComparison.OrdinalIgnoreCase);

    private string Base => options.Value.PublicUrl.TrimEnd('/');

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static byte[] Payload(LinkTarget target, string? url)
    {
        var bytes = new byte[24 + (url is null ? 0 : Encoding.UTF8.GetByteCount(url))];
        BinaryPrimitives.WriteInt64BigEndian(bytes, target.WorkspaceId);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), target.MessageId);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(16), target.ProfileId);
        if (url is not null)
        {
            Encoding.UTF8.GetBytes(url, bytes.AsSpan(24));
        }

        return bytes;
    }

    private static (LinkTarget Target, string? Url)? Verify(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096 || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            var payload = protector.Unprotect(Base64Url.DecodeFromChars(token));
            if (payload.Length < 24)
            {
                return null;
            }

            var target = new LinkTarget(BinaryPrimitives.ReadInt64BigEndian(payload), BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(8)), BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
            return (target, payload.Length == 24 ? null : Encoding.UTF8.GetString(payload.AsSpan(24)));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
