using Dapper;
using Kizuna.Messaging.Outbox;
using Kizuna.Messaging.Suppressions;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Messaging.Checks;

/// <summary>
/// Never message an erased person or a listed address: a message whose profile was erased since it was queued (its
/// address is gone), whose user id or email address is among the erased (<see cref="Suppression"/>), or whose email
/// address or phone number is on the workspace's suppression list (a hard bounce, a complaint, an operator's entry:
/// <see cref="SuppressionStore"/>) is suppressed. Transactional messages pass consent checks, never this one.
/// </summary>
public sealed class SuppressionCheck(Database database, SuppressionStore list) : ISendCheck
{
    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        await CheckErasedAsync(messages, decisions, ct);
        foreach (var group in messages.Where(m => m.Recipient is not null && SuppressionAddresses.Covers(m.Channel)).GroupBy(m => (m.WorkspaceId, m.Channel)))
        {
            var byAddress = group.ToLookup(m => SuppressionAddresses.OfMessage(m.Channel, m.Recipient!), StringComparer.Ordinal);
            var listed = await list.ListedAsync(group.Key.WorkspaceId, group.Key.Channel, [.. byAddress.Select(a => a.Key)], ct);
            foreach (var (address, entry) in listed)
            {
                foreach (var message in byAddress[address])
                {
                    decisions.Suppress(message, $"The address is on the suppression list ({entry.Reason}).");
                }
            }
        }
    }

    private async Task CheckErasedAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        var hashes = new Dictionary<string, List<OutboxMessage>>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Recipient is null)
            {
                decisions.Suppress(message, "The profile was erased.");
                continue;
            }

            foreach (var hash in HashesOf(message))
            {
                var key = $"{message.WorkspaceId}:{Convert.ToHexString(hash)}";
                if (!hashes.TryGetValue(key, out var list))
                {
                    hashes[key] = list = [];
                }

                list.Add(message);
            }
        }

        if (hashes.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(ct);
        foreach (var workspace in hashes.Keys.GroupBy(k => k[..k.IndexOf(':', StringComparison.Ordinal)]))
        {
            var found = await connection.QueryAsync<byte[]>(new CommandDefinition(
                $"SELECT id_hash FROM suppressions WHERE workspace_id = @workspaceId AND {database.Dialect.OneOf("id_hash", "@hashes")}",
                new { workspaceId = long.Parse(workspace.Key, System.Globalization.CultureInfo.InvariantCulture), hashes = workspace.Select(k => Convert.FromHexString(k[(workspace.Key.Length + 1)..])).ToArray() },
                cancellationToken: ct));
            foreach (var hash in found)
            {
                foreach (var message in hashes[$"{workspace.Key}:{Convert.ToHexString(hash)}"])
                {
                    decisions.Suppress(message, "The recipient is on the suppression list.");
                }
            }
        }
    }

    /// <summary>The suppression hashes a message's recipient may be listed under.</summary>
    private static IEnumerable<byte[]> HashesOf(OutboxMessage message)
    {
        if (message.UserId is { } user)
        {
            yield return Suppression.Hash("user", user);
        }

        if (message.Channel == MessageChannel.Email && message.Recipient is { } address)
        {
            yield return Suppression.Hash(Suppression.EmailKind, Suppression.NormaliseEmail(address));
        }
    }
}
