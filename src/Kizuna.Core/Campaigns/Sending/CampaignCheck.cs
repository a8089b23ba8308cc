using Kizuna.Campaigns.Storage;
using Kizuna.Messaging;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Campaigns.Sending;

/// <summary>
/// The campaign's state at the moment of sending: a message of a cancelled campaign is suppressed, one of a paused
/// campaign waits a minute and is checked again (a resume makes it due at once). This closes the gap between a chunk being queued and a pause or
/// cancel that came while it was. A source naming no campaign of the workspace is not a campaign's message and is
/// left alone.
/// </summary>
public sealed class CampaignCheck(CampaignStore campaigns, TimeProvider time) : ISendCheck
{
    public static readonly TimeSpan PausedWait = TimeSpan.FromMinutes(1);

    /// <summary>Why a paused campaign's message waits: a resume finds the messages it holds by it.</summary>
    public const string PausedReason = "The campaign is paused.";

    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        var byCampaign = messages
            .Select(m => (Message: m, Campaign: MessageSources.CampaignOf(m.Source)))
            .Where(p => p.Campaign is not null)
            .GroupBy(p => (p.Message.WorkspaceId, p.Campaign!.Value.CampaignId));
        foreach (var group in byCampaign)
        {
            var state = (await campaigns.FindAsync(group.Key.WorkspaceId, group.Key.CampaignId, ct))?.State;
            foreach (var (message, _) in group)
            {
                if (state == CampaignState.Cancelled)
                {
                    decisions.Suppress(message, CampaignRunner.CancelledReason);
                }
                else if (state == CampaignState.Paused)
                {
                    decisions.Defer(message, time.GetUtcNow() + PausedWait, PausedReason);
                }
            }
        }
    }
}
