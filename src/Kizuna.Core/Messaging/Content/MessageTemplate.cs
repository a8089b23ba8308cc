using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Content;

/// <summary>One version of a workspace's message template with its channel's content.</summary>
public sealed record MessageTemplate(long Id, int Version, MessageContent Content)
{
    /// <summary>
    /// A stored template as an email: its subject line and its body as the HTML; the text part is derived from it.
    /// Null for a template of another channel.
    /// </summary>
    public static MessageTemplate? EmailFrom(StoredTemplate stored) => From(stored, MessageChannel.Email);

    /// <summary>A stored template as <paramref name="channel"/>'s content; null when it is a block or a template of another channel.</summary>
    public static MessageTemplate? From(StoredTemplate stored, MessageChannel channel) =>
        stored.Kind != TemplateKind.Template || ChannelOf(stored) != channel
            ? null
            : ChannelFields.Parse(stored.ChannelFields).ContentFor(channel, stored.Subject, stored.Body) is { } content ? new(stored.Id, stored.Version, content) : null;

    /// <summary>The channel a stored template is for: email unless saved for another.</summary>
    public static MessageChannel ChannelOf(StoredTemplate stored) =>
        stored.Channel is { } name && MessageChannels.TryParse(name, out var channel) ? channel : MessageChannel.Email;
}
