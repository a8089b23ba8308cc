using Kizuna.Journeys.Storage;
using Kizuna.Messaging;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// The journey's state at the moment of sending: a message of an archived journey is suppressed, one of a paused
/// journey waits a minute and is checked again. Sources naming no journey of the workspace are left alone.
/// </summary>
public sealed class JourneyCheck(JourneyStore journeys, TimeProvider time) : ISendCheck
{
    public static readonly TimeSpan PausedWait = TimeSpan.FromMinutes(1);

    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        var byJourney = messages
            .Select(m => (Message: m, Journey: MessageSources.JourneyOf(m.Source)))
            .Where(p => p.Journey is not null)
            .GroupBy(p => (p.Message.WorkspaceId, p.Journey!.Value.JourneyId));
        foreach (var group in byJourney)
        {
            var state = (await journeys.FindAsync(group.Key.WorkspaceId, group.Key.JourneyId, ct))?.State;
            foreach (var (message, _) in group)
            {
                if (state == JourneyStates.Archived)
                {
                    decisions.Suppress(message, "The journey is archived.");
                }
                else if (state == JourneyStates.Paused)
                {
                    decisions.Defer(message, time.GetUtcNow() + PausedWait, "The journey is paused.");
                }
            }
        }
    }
}
