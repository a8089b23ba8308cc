using System.Buffers.Text;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Links;

/// <summary>
/// Signs and verifies the unsubscribe, preferences, web-view and confirm links of a message. A token is the message's
/// (workspace, id, profile) signed with the deployment's link keys (<see cref="LinkKeys"/>, kept in the database), so
/// every node verifies what any node signed, links outlive restarts, and nobody can forge one for another person's
/// message. Links sent before these tokens were protected with Data Protection and are still honoured.
/// </summary>
public sealed class MessageLinkSigner(LinkKeys keys, IDataProtectionProvider protection, IOptions<MessagingOptions> options)
{
    private readonly Dictionary<MessageLinkKind, IDataProtector> _earlier = Enum.GetValues<MessageLinkKind>()
        .ToDictionary(k => k, k => protection.CreateProtector("Kizuna.Messaging.Links.v1", k.ToString()));

    /// <summary>The three links of one message, as the template model's <c>unsubscribe_url</c>, <c>preferences_url</c> and <c>web_view_url</c>.</summary>
    public async ValueTask<MessageLinks> ForAsync(OutboxMessage message, CancellationToken ct)
    {
        var ring = await keys.GetAsync(ct);
        var target = new LinkTarget(message.WorkspaceId, message.Id, message.ProfileId);
        return new MessageLinks(Url(ring, MessageLinkKind.Unsubscribe, target), Url(ring, MessageLinkKind.Preferences, target), Url(ring, MessageLinkKind.WebView, target));
    }

    /// <summary>The absolute URL of one link: <c>{PublicUrl}/m/{unsubscribe|preferences|view|confirm}/{token}</c>.</summary>
    public async ValueTask<string> UrlAsync(MessageLinkKind kind, LinkTarget target, CancellationToken ct) => Url(await keys.GetAsync(ct), kind, target);

    public async ValueTask<string> SignAsync(MessageLinkKind kind, LinkTarget target, CancellationToken ct) => Sign(await keys.GetAsync(ct), kind, target);

    /// <summary>The target of a token signed for <paramref name="kind"/>; null for anything else (altered, another kind, unknown key).</summary>
    public async ValueTask<LinkTarget?> VerifyAsync(MessageLinkKind kind, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512 || !Base64Url.IsValid(token))
        {
            return null;
        }

        var payload = (await keys.GetAsync(ct)).Verify(Purpose(kind), token) ?? LinkTarget.Earlier(_earlier[kind], token);
        return payload is { Length: LinkTarget.Size } ? LinkTarget.Read(payload) : null;
    }

    public static string PathOf(MessageLinkKind kind) => kind switch
    {
        MessageLinkKind.Unsubscribe => "unsubscribe",
        MessageLinkKind.Preferences => "preferences",
        MessageLinkKind.Confirm => "confirm",
        _ => "view",
    };

    private string Url(LinkKeyRing ring, MessageLinkKind kind, LinkTarget target) => $"{options.Value.PublicUrl.TrimEnd('/')}/m/{PathOf(kind)}/{Sign(ring, kind, target)}";

    private static string Sign(LinkKeyRing ring, MessageLinkKind kind, LinkTarget target)
    {
        Span<byte> payload = stackalloc byte[LinkTarget.Size];
        target.Write(payload);
        return ring.Sign(Purpose(kind), payload);
    }

    private static string Purpose(MessageLinkKind kind) => $"message-link:{kind}";
}
