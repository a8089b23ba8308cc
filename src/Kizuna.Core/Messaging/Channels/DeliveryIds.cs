using System.Globalization;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Channels;

/// <summary>
/// The id a message carries to an HTTP provider (an SMS API's idempotency key, a webhook's <c>webhook-id</c>, a push's
/// <c>kizuna_message_id</c>): derived from the outbox row alone, so every try of a message, before and after a crash,
/// carries the same one and the receiving side can drop the repeat.
/// </summary>
public static class DeliveryIds
{
    public const string Prefix = "kz-";

    public static string For(OutboxMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{message.WorkspaceId}-{message.Id}");

    /// <summary>The workspace and message an id names, or null for one this server did not make.</summary>
    public static (long WorkspaceId, long MessageId)? Parse(string? id)
    {
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = id[Prefix.Length..].Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var workspace)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var message)
            ? (workspace, message)
            : null;
    }
}
