using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Outbox;
using Kizuna.Segments.Evaluation;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Moves entries through their version's nodes in memory, from a node until the next delay or wait (or the end),
/// recording every step. Nothing here reads the store or the clock: the pass's time and the prepared profiles are
/// all it sees, so a simulation runs the same code under its own clock.
/// </summary>
public sealed class JourneySteps(JourneyProfiles profiles, DateTimeOffset now, string smsRegion)
{
    /// <summary>The placeholder of the entry id in a planned message's key, filled in when the entry's id is known.</summary>
    public const string EntryPlaceholder = "{entry}";

    private const int MaxStepsPerRun = 100;

    /// <summary>Runs from <paramref name="nodeId"/> (null: the end) until the entry waits or finishes.</summary>
    public void Run(EntryRun run, string? nodeId)
    {
        for (var i = 0; i < MaxStepsPerRun; i++)
        {
            if (nodeId is null || !run.Journey.Nodes.TryGetValue(nodeId, out var node))
            {
                Finish(run, JourneyEntry.Completed, null, "completed");
                return;
            }

            run.Entry = run.Entry with { Node = node.Id, State = JourneyEntry.Active, WaitUntil = null };
            if (ExitConditionMet(run))
            {
                Exit(run, "exit condition");
                return;
            }

            var state = profiles.State(run.Entry.WorkspaceId, run.Entry.ProfileId);
            switch (node.Kind)
            {
                case JourneyNodeKinds.Message:
                    var message = Message(run, node, state, out var reason);
                    run.Step(node.Id, message is null ? $"skipped: {reason}" : "sent", now, message);
                    nodeId = node.Next;
                    break;
                case JourneyNodeKinds.Delay:
                    var due = JourneyDelays.Due(node, now, JourneyDelays.ZoneOf(state?.Context, state?.Traits), state?.Traits);
                    if (due <= now)
                    {
                        run.Step(node.Id, "passed", now);
                        nodeId = node.Next;
                        break;
                    }

                    Wait(run, node, due);
                    return;
                case JourneyNodeKinds.WaitEvent:
                    Wait(run, node, now + JourneyDurations.Parse(node.Timeout!));
                    return;
                case JourneyNodeKinds.WaitSegment when state?.Segments.Contains(node.SegmentId!.Value) == true:
                    run.Step(node.Id, "matched", now);
                    nodeId = node.Next;
                    break;
                case JourneyNodeKinds.WaitSegment:
                    Wait(run, node, now + JourneyDurations.Parse(node.Timeout!));
                    return;
                case JourneyNodeKinds.Branch:
                    var yes = (run.Journey.Condition(node.Condition) is not { } condition || (state is not null && new SegmentPredicate(condition, now).Matches(state)))
                        && run.Journey.Filter(node.EntryWhere).Matches(run.Data, now);
                    run.Step(node.Id, yes ? "branch:yes" : "branch:no", now);
                    nodeId = yes ? node.Next : node.Else;
                    break;
                case JourneyNodeKinds.Split:
                    var path = Choose(run, node);
                    run.Vars[$"path:{node.Id}"] = path.Name;
                    if (path.Control)
                    {
                        run.Vars["control"] = true;
                    }

                    run.Step(node.Id, $"path:{path.Name}", now);
                    nodeId = path.Next;
                    break;
                case JourneyNodeKinds.UpdateProfile or JourneyNodeKinds.Webhook:
                    // Done by a job of the journey-actions queue (an HTTP call, a profile write), which moves the entry on.
                    Wait(run, node, now);
                    return;
                default:
                    Finish(run, JourneyEntry.Exited, "exit node", "exited");
                    return;
            }
        }

        // A definition passed validation has no busy cycle; this guards a step budget all the same.
        Exit(run, "too many steps at once");
    }

    /// <summary>The entry's wait ended (<paramref name="outcome"/>: matched, timed_out, passed); it goes on along <paramref name="edge"/>.</summary>
    public void Resume(EntryRun run, string outcome, string? edge)
    {
        run.Step(run.Entry.Node, outcome, now);
        run.TimerAt = null;
        Run(run, edge);
    }

    public void Exit(EntryRun run, string reason) => Finish(run, JourneyEntry.Exited, reason, "exited");

    private void Wait(EntryRun run, Model.JourneyNode node, DateTimeOffset until)
    {
        run.Step(node.Id, "waiting", now);
        run.Entry = run.Entry with { State = JourneyEntry.Waiting, WaitUntil = until };
        run.TimerAt = until;
    }

    private void Finish(EntryRun run, string state, string? reason, string outcome)
    {
        run.Step(run.Entry.Node, outcome, now);
        run.Entry = run.Entry with { State = state, WaitUntil = null, FinishedAt = now, ExitReason = reason };
        run.TimerAt = null;
    }

    /// <summary>An exit criterion's segment condition holds for the customer now (checked at every step and on every event).</summary>
    public bool ExitConditionMet(EntryRun run)
    {
        if (!run.Journey.Exits.Any(e => e.Condition is not null)
            || profiles.State(run.Entry.WorkspaceId, run.Entry.ProfileId) is not { } state)
        {
            return false;
        }

        return run.Journey.Exits.Any(e => run.Journey.Condition(e.Condition) is { } c && new SegmentPredicate(c, now).Matches(state));
    }

    private NewMessage? Message(EntryRun run, Model.JourneyNode node, ProfileState? state, out string? reason)
    {
        reason = null;
        var channel = MessageChannels.Parse(node.Channel!);
        var recipient = channel switch
        {
            MessageChannel.Email => Text(state?.Traits, "email") ?? Fail(out reason, "the profile has no email address"),
            MessageChannel.Sms => E164.Normalise(Text(state?.Traits, "phone"), smsRegion, out reason),
            _ => state is null ? Fail(out reason, "the profile is gone") : run.Entry.ProfileId.ToString(CultureInfo.InvariantCulture),
        };
        var version = node.TemplateVersion ?? profiles.LatestVersion(run.Entry.WorkspaceId, node.TemplateId!.Value);
        if (recipient is null || version is null)
        {
            reason ??= "the template is gone";
            return null;
        }

        var data = run.TemplateData();
        return new NewMessage(
            run.Entry.WorkspaceId, run.Entry.ProfileId, channel, MessageSources.Journey(run.Journey.JourneyId, run.Journey.Version, node.Id),
            FormattableString.Invariant($"journey:{run.Journey.JourneyId}:entry:{EntryPlaceholder}:node:{node.Id}:step:{run.Entry.Seq + 1}"),
            node.TemplateId!.Value, version.Value, recipient, data.ToJsonString())
        { SubscriptionGroupId = node.SubscriptionGroupId };
    }

    /// <summary>A path by weight, the same for the entry however often the step runs.</summary>
    private static SplitPath Choose(EntryRun run, Model.JourneyNode node)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{run.Journey.JourneyId}:{run.Entry.EntryKey}:{node.Id}")));
        var bucket = (int)(BitConverter.ToUInt32(hash, 0) % 100);
        foreach (var path in node.Paths!)
        {
            if (bucket < path.Weight)
            {
                return path;
            }

            bucket -= path.Weight;
        }

        return node.Paths![^1];
    }

    private static string? Fail(out string? reason, string why)
    {
        reason = why;
        return null;
    }

    private static string? Text(JsonObject? root, string name) =>
        root is not null && root.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
