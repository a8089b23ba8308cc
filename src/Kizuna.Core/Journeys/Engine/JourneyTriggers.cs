using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Work.Changes;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// The <c>journeys</c> change-feed consumer: right after each ingestion batch commits, its track events are matched
/// in memory against the running journeys (by event name): goals convert entries, exit criteria end them, keyed waits
/// go on, triggers enter customers and run them up to their first delay or wait. The cursor moves after this returns
/// and every write is keyed (entries by journey and the event's messageId, messages by entry and step, moves by
/// seq), so a crash between the commit and the match loses nothing and a repeat writes nothing twice.
/// </summary>
public sealed class JourneyTriggers(
    JourneyCatalog catalog, EntryStore entries, JourneyEngine engine, JourneyWriter writer, IOptions<SmsOptions> sms, TimeProvider time) : IChangeConsumer
{
    public string Name => "journeys";

    public int BatchSize => 64;

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var snapshot = await catalog.CurrentAsync(ct);
        if (snapshot.IsEmpty)
        {
            return;
        }

        var events = changes.SelectMany(c => c.Events)
            .Where(e => snapshot.ExitsOnConditions || (e.Type == "track" && e.Name is not null && snapshot.Reacts(e.Name)))
            .ToList();
        if (events.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var pass = new JourneyPass(snapshot, now);
        foreach (var workspace in events.GroupBy(e => e.WorkspaceId))
        {
            var journeyIds = snapshot.Heads.Values.Where(h => h.WorkspaceId == workspace.Key).Select(h => h.Id).ToList();
            foreach (var entry in await entries.OfProfilesAsync(workspace.Key, [.. workspace.Select(e => e.ProfileId).Distinct()], journeyIds, ct))
            {
                pass.Load(entry);
            }
        }

        var versions = events.Where(IsTrack).SelectMany(e => snapshot.Triggered(e.Name!).Concat(snapshot.Watching(e.Name!)))
            .Concat(pass.Runs.Select(r => r.Journey)).Distinct().ToList();
        var profiles = await engine.PrepareAsync(versions, [.. events.Select(e => (e.WorkspaceId, e.ProfileId))], ct);
        var steps = new JourneySteps(profiles, now, sms.Value.DefaultRegion);
        var entrance = new JourneyEntrance(entries);
        foreach (var e in events)
        {
            var properties = e.PropertiesJson is null ? null : JsonNode.Parse(e.PropertiesJson) as JsonObject;
            foreach (var run in pass.OfProfile(e.WorkspaceId, e.ProfileId).ToList())
            {
                Match(run, e, properties, snapshot, steps, now);
            }

            foreach (var journey in IsTrack(e) ? snapshot.Triggered(e.Name!).Where(j => j.WorkspaceId == e.WorkspaceId && Enters(j, properties, now)) : [])
            {
                if (await entrance.EnterAsync(pass, journey, e.ProfileId, $"event:{e.MessageId}", e.Name, e.PropertiesJson, ct) is { } run)
                {
                    steps.Run(run, journey.Definition.StartNode);
                }
            }
        }

        await writer.CommitAsync(pass, ct);
    }

    private static bool IsTrack(ChangeEvent e) => e.Type == "track" && e.Name is not null;

    private static bool Enters(CompiledJourney journey, JsonObject? properties, DateTimeOffset now)
    {
        var entry = journey.Definition.Entry;
        if (entry.Kind is JourneyEntryRule.OnSegmentEntered or JourneyEntryRule.OnSegmentLeft
            && EventFilter.Value(properties, "segment_id")?.ToString() != entry.SegmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        return journey.EntryFilter.Matches(properties, now);
    }

    /// <summary>What one event does to one of the customer's entries: a conversion, an exit, or the end of a wait (a simulation matches its events with it too).</summary>
    internal static void Match(EntryRun run, ChangeEvent e, JsonObject? properties, JourneySnapshot snapshot, JourneySteps steps, DateTimeOffset now)
    {
        var journey = run.Journey;
        if (!IsTrack(e))
        {
            if (run.Entry.IsOpen && steps.ExitConditionMet(run))
            {
                steps.Exit(run, "exit condition");
            }

            return;
        }

        if (journey.Definition.Goal is { } goal && goal.Event == e.Name && run.Entry.ConvertedAt is null
            && e.Timestamp >= run.Entry.EnteredAt && e.Timestamp <= run.Entry.EnteredAt + journey.GoalWindow
            && journey.GoalFilter!.Matches(properties, now))
        {
            run.Entry = run.Entry with { ConvertedAt = e.Timestamp };
            run.Converted = true;
        }

        if (!run.Entry.IsOpen)
        {
            return;
        }

        if (journey.Exits.Any(x => x.Event == e.Name && journey.Filter(x.Where).Matches(properties, now) && EventFilter.Keyed(x.Match, properties, run.Data)))
        {
            steps.Exit(run, $"exit: {e.Name}");
            return;
        }

        if (steps.ExitConditionMet(run))
        {
            steps.Exit(run, "exit condition");
            return;
        }

        if (run.Entry.State != JourneyEntry.Waiting || snapshot.Heads[journey.JourneyId].State != JourneyStates.Live
            || !journey.Nodes.TryGetValue(run.Entry.Node, out var node))
        {
            return;   // a paused journey's entries hold where they are
        }

        var matched = node.Kind switch
        {
            JourneyNodeKinds.WaitEvent => node.Event == e.Name && journey.Filter(node.Where).Matches(properties, now) && EventFilter.Keyed(node.Match, properties, run.Data),
            JourneyNodeKinds.WaitSegment => e.Name == "Segment Entered"
                && EventFilter.Value(properties, "segment_id")?.ToString() == node.SegmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
        if (matched)
        {
            steps.Resume(run, "matched", node.Next);
        }
    }
}
