using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Outbox;
using Kizuna.Messaging.Tracking;
using Microsoft.Extensions.Logging;

namespace Kizuna.Messaging.Suppressions;

/// <summary>
/// Takes in the hard bounces of a sent batch: each refused address goes on its workspace's suppression list with
/// reason <c>bounce</c>, and an <c>Email Bounced</c> event goes on the profile. The event carries the reply code
/// only: a reply's text often quotes the address. Both are keyed by the message, so a batch sent again after a crash
/// lists and records nothing twice.
/// </summary>
public sealed partial class BounceRecorder(SuppressionStore store, EngagementEvents events, TimeProvider time, ILogger<BounceRecorder> logger)
{
    public static string EventName(MessageChannel channel) => channel == MessageChannel.Sms ? "SMS Bounced" : "Email Bounced";

    public async Task RecordAsync(IReadOnlyList<(ReadyMessage Ready, SendResult Result)> outcomes, CancellationToken ct)
    {
        // A test send's bounce lists its address too (the address is undeliverable whoever tried), but records no event.
        var bounced = outcomes.Where(o => o.Result.BounceCode is not null && o.Ready.Message.Recipient is not null
            && SuppressionAddresses.Covers(o.Ready.Message.Channel)).ToList();
        if (bounced.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var workspace in bounced.GroupBy(b => b.Ready.Message.WorkspaceId))
        {
            var added = await store.AddAsync(workspace.Key, [.. workspace.Select(b => new SuppressedAddress(
                b.Ready.Message.Channel, SuppressionAddresses.OfMessage(b.Ready.Message.Channel, b.Ready.Message.Recipient!), SuppressionReasons.Bounce,
                b.Ready.Message.ProfileId, b.Ready.Message.Id, b.Result.BounceCode!.Value.ToString(CultureInfo.InvariantCulture), now))], ct);
            LogBounced(logger, workspace.Key, workspace.Count(), added.Count);
        }

        await events.RecordAsync([.. bounced.Where(b => !MessageSources.IsTest(b.Ready.Message)).Select(b =>
            BouncedEvent(b.Ready.Message, now, ("status_code", b.Result.BounceCode)))], ct);
    }

    /// <summary>
    /// The <c>Email Bounced</c> (or <c>SMS Bounced</c>) event of a hard bounce, keyed by the message so one message's
    /// bounce is one event however it is reported; <paramref name="details"/> says how it was reported.
    /// </summary>
    public static ProfileEvent BouncedEvent(OutboxMessage message, DateTimeOffset at, params (string Name, JsonNode? Value)[] details)
    {
        var properties = new JsonObject
        {
            ["message_id"] = message.Id,
            ["template_id"] = message.TemplateId,
            ["template_version"] = message.TemplateVersion,
            ["source"] = message.Source,
            ["transactional"] = message.Transactional,
            ["bounce_type"] = "hard",
        };
        foreach (var (name, value) in details)
        {
            properties[name] = value;
        }

        return new ProfileEvent(message.WorkspaceId, message.ProfileId, EventName(message.Channel),
            $"kizuna-bounce-{message.Id.ToString(CultureInfo.InvariantCulture)}", properties, at);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {WorkspaceId}: {Bounced} hard bounces, {Listed} addresses newly suppressed")]
    private static partial void LogBounced(ILogger logger, long workspaceId, int bounced, int listed);
}
