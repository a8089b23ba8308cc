using System.Globalization;

namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>
/// Reads the workspace and outbox message back out of an email's deterministic <c>Message-ID</c>
/// (<c>kz.{workspace}.{message}@{domain}</c>, made by <see cref="Channels.Email.EmailMessageFactory.MessageId"/>).
/// </summary>
public static class EmailMessageIds
{
    public static (long WorkspaceId, long MessageId)? Parse(string? messageId)
    {
        var at = messageId?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at < 0 || !messageId!.StartsWith("kz.", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = messageId[3..at].Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var workspace)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var message)
            ? (workspace, message)
            : null;
    }
}
