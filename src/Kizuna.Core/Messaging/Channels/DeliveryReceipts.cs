using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;

namespace Kizuna.Messaging.Channels;

/// <summary>
/// A provider's word on a sent message (an SMS delivery receipt): the message moves from <c>sent</c> to
/// <c>delivered</c> or <c>failed</c> with the reason in its history, and the outcome is recorded on the profile as an
/// event (<c>SMS Delivered</c>, <c>SMS Failed</c>) whose id is derived from the message and the outcome, so a
/// provider posting the same receipt twice records it once.
/// </summary>
public sealed class DeliveryReceipts(Database database, OutboxStore outbox, IngestionPipeline pipeline, TimeProvider time)
{
    /// <summary>Applies a receipt; false when the workspace has no such message on that channel.</summary>
    public async Task<bool> ApplyAsync(long workspaceId, long messageId, MessageChannel channel, bool delivered, string? detail, CancellationToken ct)
    {
        var loaded = await outbox.LoadForSendAsync([messageId], ct);
        var message = loaded.Count == 0 ? null : loaded[0];
        if (message is null || message.WorkspaceId != workspaceId || message.Channel != channel)
        {
            return false;
        }

        var to = delivered ? OutboxState.Delivered : OutboxState.Failed;
        var now = time.GetUtcNow();
        await using (var connection = await database.OpenAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            // Only forward: a late "sent" after "delivered" changes nothing, and a receipt never revives a final state.
            var moved = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE messages SET state = @state, updated_at = @now, last_error = CASE WHEN @failed = 1 THEN @detail ELSE last_error END
                WHERE workspace_id = @workspaceId AND id = @messageId AND state IN ('sending', 'sent')
                """,
                new { state = OutboxStates.Name(to), now = Epoch.ToMs(now), failed = delivered ? 0L : 1L, detail, workspaceId, messageId }, transaction, cancellationToken: ct));
            if (moved > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO message_history (workspace_id, profile_id, message_id, at, state, detail) VALUES (@workspaceId, @profileId, @messageId, @now, @state, @detail)",
                    new { workspaceId, profileId = message.ProfileId, messageId, now = Epoch.ToMs(now), state = OutboxStates.Name(to), detail }, transaction, cancellationToken: ct));
            }

            await transaction.CommitAsync(ct);
        }

        if (message.UserId is not null || message.AnonymousId is not null)
        {
            var name = $"{Prefix(channel)} {(delivered ? "Delivered" : "Failed")}";
            await pipeline.SubmitAsync(new IngestBatch(workspaceId, [new IngestMessage
            {
                Type = MessageType.Track,
                MessageId = $"kizuna-{(delivered ? "delivered" : "failed")}-{messageId.ToString(CultureInfo.InvariantCulture)}",
                UserId = message.UserId,
                AnonymousId = message.UserId is null ? message.AnonymousId : null,
                Name = name,
                PropertiesJson = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["delivery_id"] = DeliveryIds.For(message),
                    ["template_id"] = message.TemplateId,
                    ["source"] = message.Source,
                    ["reason"] = detail,
                }.ToJsonString(),
                Timestamp = now,
                ReceivedAt = now,
            }]), ct);
        }

        return true;
    }

    private static string Prefix(MessageChannel channel) => channel switch
    {
        MessageChannel.Sms => "SMS",
        MessageChannel.Push => "Push",
        _ => MessageChannels.Name(channel),
    };
}
