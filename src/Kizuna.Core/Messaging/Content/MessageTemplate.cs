using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Content;

/// <summary>One version of a workspace's message template with its channel's content.</summary>
public sealed record MessageTemplate(long Id, int Version, MessageContent Content)
{
    /// <summary>
    /// A stored template as an email: its subject line and its body as the HTML; the text part is derived from it.
    /// </summary>
    public static MessageTemplate? EmailFrom(StoredTemplate stored) =>
        stored.Kind != TemplateKind.Template ? null : new(stored.Id, stored.Version, new EmailContent(stored.Subject ?? string.Empty, stored.Body));
}
