using System.Buffers.Text;
using System.Text;
using Kizuna.Messaging.Links;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Signs the open pixel (<c>/m/o/{token}</c>) and click redirects (<c>/m/c/{token}</c>) of a message with the same
/// link keys as its other links (<see cref="LinkKeys"/>), each under its own purpose. A click token carries its
/// destination inside the signature, so the redirect goes only where the email pointed: no one can make it an open
/// redirect. Links sent before link keys were protected with Data Protection and are still honoured.
/// </summary>
public sealed class TrackingLinks(LinkKeys keys, IDataProtectionProvider protection, IOptions<MessagingOptions> options)
{
    private const int MaxUrlBytes = 2048;
    private const string OpenPurpose = "tracking:open";
    private const string ClickPurpose = "tracking:click";
    private readonly IDataProtector _earlierOpen = protection.CreateProtector("Kizuna.Messaging.Tracking.v1", "open");
    private readonly IDataProtector _earlierClick = protection.CreateProtector("Kizuna.Messaging.Tracking.v1", "click");

    /// <summary>The open pixel and click redirects of one message.</summary>
    public async ValueTask<MessageTracking> ForAsync(LinkTarget target, CancellationToken ct) => new(this, await keys.GetAsync(ct), target);

    public async ValueTask<LinkTarget?> VerifyOpenAsync(string? token, CancellationToken ct) =>
        (await VerifyAsync(OpenPurpose, _earlierOpen, token, ct))?.Target;

    public async ValueTask<(LinkTarget Target, string Url)?> VerifyClickAsync(string? token, CancellationToken ct) =>
        await VerifyAsync(ClickPurpose, _earlierClick, token, ct) is { Url: { } url } found && IsWebUrl(url) ? (found.Target, url) : null;

    /// <summary>Whether a link points at this server's own pages (unsubscribe, preferences, web view), which are never rewritten.</summary>
    public bool IsOwn(string url) => url.StartsWith($"{Base}/m/", StringComparison.OrdinalIgnoreCase);

    private string Base => options.Value.PublicUrl.TrimEnd('/');

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static byte[] Payload(LinkTarget target, string? url)
    {
        var bytes = new byte[LinkTarget.Size + (url is null ? 0 : Encoding.UTF8.GetByteCount(url))];
        target.Write(bytes);
        if (url is not null)
        {
            Encoding.UTF8.GetBytes(url, bytes.AsSpan(LinkTarget.Size));
        }

        return bytes;
    }

    private async ValueTask<(LinkTarget Target, string? Url)?> VerifyAsync(string purpose, IDataProtector earlier, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096 || !Base64Url.IsValid(token))
        {
            return null;
        }

        var payload = (await keys.GetAsync(ct)).Verify(purpose, token) ?? LinkTarget.Earlier(earlier, token);
        if (payload is not { Length: >= LinkTarget.Size })
        {
            return null;
        }

        return (LinkTarget.Read(payload), payload.Length == LinkTarget.Size ? null : Encoding.UTF8.GetString(payload.AsSpan(LinkTarget.Size)));
    }

    /// <summary>One message's tracked links, signed with the keys read once for the message.</summary>
    public sealed class MessageTracking
    {
        private readonly TrackingLinks _links;
        private readonly LinkKeyRing _ring;
        private readonly LinkTarget _target;

        internal MessageTracking(TrackingLinks links, LinkKeyRing ring, LinkTarget target) => (_links, _ring, _target) = (links, ring, target);

        public string OpenUrl => $"{_links.Base}/m/o/{_ring.Sign(OpenPurpose, Payload(_target, null))}";

        /// <summary>The redirect for <paramref name="url"/>, or null for a destination that is not http(s) or too long to carry.</summary>
        public string? ClickUrl(string url) => IsWebUrl(url) && Encoding.UTF8.GetByteCount(url) <= MaxUrlBytes
            ? $"{_links.Base}/m/c/{_ring.Sign(ClickPurpose, Payload(_target, url))}"
            : null;
    }
}
