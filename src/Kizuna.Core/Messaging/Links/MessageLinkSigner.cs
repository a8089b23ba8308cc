using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Links;

/// <summary>
/// Signs and verifies the unsubscribe, preferences and web-view links of a message. A token is the message's
/// (workspace, id, profile) protected with the Data Protection keys the server already keeps in the database
/// (authenticated encryption: AES with an HMAC), so every node verifies what any node signed, links outlive restarts,
/// and nobody can forge one for another person's message.
/// </summary>
public sealed class MessageLinkSigner(IDataProtectionProvider protection, IOptions<MessagingOptions> options)
{
    private readonly Dictionary<MessageLinkKind, IDataProtector> _protectors = Enum.GetValues<MessageLinkKind>()
        .ToDictionary(k => k, k => protection.CreateProtector("Kizuna.Messaging.Links.v1", k.ToString()));

    /// <summary>The three links of one message, as the template model's <c>unsubscribe_url</c>, <c>preferences_url</c> and <c>web_view_url</c>.</summary>
    public MessageLinks For(OutboxMessage message)
    {
        var target = new LinkTarget(message.WorkspaceId, message.Id, message.ProfileId);
        return new MessageLinks(Url(MessageLinkKind.Unsubscribe, target), Url(MessageLinkKind.Preferences, target), Url(MessageLinkKind.WebView, target));
    }

    /// <summary>The absolute URL of one link: <c>{PublicUrl}/m/{unsubscribe|preferences|view|confirm}/{token}</c>.</summary>
    public string Url(MessageLinkKind kind, LinkTarget target) => $"{options.Value.PublicUrl.TrimEnd('/')}/m/{PathOf(kind)}/{Sign(kind, target)}";

    public string Sign(MessageLinkKind kind, LinkTarget target)
    {
        Span<byte> payload = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(payload, target.WorkspaceId);
        BinaryPrimitives.WriteInt64BigEndian(payload[8..], target.MessageId);
        BinaryPrimitives.WriteInt64BigEndian(payload[16..], target.ProfileId);
        return Base64Url.EncodeToString(_protectors[kind].Protect(payload.ToArray()));
    }

    /// <summary>The target of a token signed for <paramref name="kind"/>; null for anything else (altered, another kind, unknown key).</summary>
    public LinkTarget? Verify(MessageLinkKind kind, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512 || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            var payload = _protectors[kind].Unprotect(Base64Url.DecodeFromChars(token));
            return payload.Length != 24 ? null : new LinkTarget(
                BinaryPrimitives.ReadInt64BigEndian(payload),
                BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(8)),
                BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string PathOf(MessageLinkKind kind) => kind switch
    {
        MessageLinkKind.Unsubscribe => "unsubscribe",
        MessageLinkKind.Preferences => "preferences",
        MessageLinkKind.Confirm => "confirm",
        _ => "view",
    };
}
