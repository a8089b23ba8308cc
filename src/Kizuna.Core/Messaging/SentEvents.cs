using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Ingestion;
using Kizuna.Messaging.Channels;

namespace Kizuna.Messaging;

/// <summary>
/// Records each sent message on its profile as an ordinary event through the ingestion pipeline (<c>Email Sent</c>,
/// …), so segments, analytics and the timeline see it. The event's messageId is derived from the outbox row, so a
/// batch sent again after a crash records nothing twice. Messages to an address no profile answers to record none,
/// and neither do test sends. A campaign's message names its <c>campaign_id</c> and <c>campaign_variant</c>.
/// </summary>
public sealed class SentEvents(IngestionPipeline pipeline, TimeProvider time)
{
    public static string EventName(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "Email Sent",
        MessageChannel.Sms => "SMS Sent",
        MessageChannel.Push => "Push Sent",
        MessageChannel.Webhook => "Webhook Sent",
        MessageChannel.InApp => "In-App Message Sent",
        _ => "Content Card Sent",
    };

    public async Task RecordSentAsync(MessageChannel channel, IReadOnlyList<ReadyMessage> sent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var workspace in sent.Where(r => (r.Message.UserId is not null || r.Message.AnonymousId is not null) && !MessageSources.IsTest(r.Message)).GroupBy(r => r.Message.WorkspaceId))
        {
            await pipeline.SubmitAsync(new IngestBatch(workspace.Key, [.. workspace.Select(r => new IngestMessage
            {
                Type = MessageType.Track,
                MessageId = $"kizuna-sent-{r.Message.Id.ToString(CultureInfo.InvariantCulture)}",
                UserId = r.Message.UserId,
                AnonymousId = r.Message.UserId is null ? r.Message.AnonymousId : null,
                Name = EventName(channel),
                PropertiesJson = Properties(r).ToJsonString(),
                Timestamp = now,
                ReceivedAt = now,
            })]), ct);
        }
    }

    private static JsonObject Properties(ReadyMessage r)
    {
        var properties = new JsonObject
        {
            ["message_id"] = r.Message.Id,
            ["delivery_id"] = r.DeliveryId,
            ["template_id"] = r.Message.TemplateId,
            ["template_version"] = r.Message.TemplateVersion,
            ["source"] = r.Message.Source,
            ["transactional"] = r.Message.Transactional,
        };
        if (MessageSources.CampaignOf(r.Message.Source) is { } campaign)
        {
            properties["campaign_id"] = campaign.CampaignId;
            properties["campaign_variant"] = campaign.Variant;
        }

        return properties;
    }
}
