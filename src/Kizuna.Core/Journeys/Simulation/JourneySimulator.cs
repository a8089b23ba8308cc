using System.Text.Json.Nodes;
using Kizuna.Campaigns;
using Kizuna.Campaigns.Storage;
using Kizuna.Journeys.Actions;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Segments.Evaluation;
using Kizuna.Work.Changes;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Simulation;

/// <summary>
/// Runs one customer through a journey version under a simulated clock with the engine's own steps
/// (<see cref="JourneySteps"/>, the triggers' event matching, the timers' resumption) and writes nothing: no entry,
/// no step, no message, no timer. Events and timers are taken in time order until the horizon; an event at the same
/// moment as a timer comes first. The customer's state is read once at the start, so the simulated events move the
/// entry (waits, exits, goal) but not the profile's segment conditions. Action nodes are rendered and not done: no
/// webhook is called (it answers what the input gives for it), no profile written (later steps read the traits it
/// would set).
/// </summary>
public sealed class JourneySimulator(
    JourneyStore journeys, JourneyEngine engine, SimulatedMessages messages, JourneyActions actions, AudienceReader audience, IOptions<SmsOptions> sms)
{
    /// <summary>The simulated path, or null when the workspace has no such journey or version.</summary>
    public async Task<JourneySimulation?> SimulateAsync(SimulationInput input, CancellationToken ct)
    {
        if (await journeys.FindAsync(input.WorkspaceId, input.JourneyId, ct) is not { } head
            || await journeys.VersionAsync(input.WorkspaceId, input.JourneyId, input.Version ?? head.LiveVersion ?? head.Version, ct) is not { } version)
        {
            return null;
        }

        // Simulated as if live, whatever the journey's state: a draft is what one most wants to try.
        var journey = new CompiledJourney(head with { State = JourneyStates.Live }, version);
        var (start, refusal) = await EntryAsync(journey, input, ct);
        if (refusal is not null)
        {
            return new JourneySimulation(journey.JourneyId, journey.Version, JourneySimulation.NotEntered, null, null, null, null, refusal, []);
        }

        // The simulated clock runs its horizon from the entry; an audience entry's data is its occurrence, as the engine writes it.
        input = input with { Start = start, Events = [.. input.Events.Where(e => e.At >= start)] };
        if (journey.Definition.Entry.Kind == JourneyEntryRule.OnAudience && input.EntryData is null)
        {
            input = input with { EntryData = new JsonObject { ["occurrence"] = start.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture) } };
        }

        var profileId = input.ProfileId ?? 0;
        var profiles = await engine.PrepareAsync([journey], input.ProfileId is { } id ? [(input.WorkspaceId, id)] : [], ct);
        if (input.ProfileId is null)
        {
            var context = new JsonObject();
            if (input.TimeZone is not null)
            {
                context["timezone"] = input.TimeZone;
            }

            profiles = profiles.With(input.WorkspaceId, new ProfileState { Id = 0, Traits = input.Traits?.DeepClone().AsObject() ?? [], Context = context });
        }

        var snapshot = new JourneySnapshot([journey]);
        var pass = new JourneyPass(snapshot, input.Start);
        var run = pass.Create(journey, new JourneyEntry(
            0, input.WorkspaceId, profileId, journey.JourneyId, journey.Version, "simulation", JourneyEntry.Active, journey.Definition.StartNode!, 0, null,
            input.EntryEvent, input.EntryData?.ToJsonString(), null, input.Start, input.Start, null, null, null));
        new JourneySteps(profiles, input.Start, sms.Value.DefaultRegion).Run(run, journey.Definition.StartNode);

        var end = input.Start + input.Horizon;
        var events = input.Events.Where(e => e.At <= end).OrderBy(e => e.At).ToList();
        var next = 0;
        var done = new Dictionary<int, SimulatedAction>();
        while (run.Steps.Count < JourneySimulation.MaxSteps)
        {
            if (run.Entry.State == JourneyEntry.Waiting && run.TimerAt is { } acting && journey.Nodes[run.Entry.Node] is { } act && JourneyNodeKinds.Acts(act.Kind))
            {
                var (outcome, edge, action) = await ActAsync(run, act, profiles, input, ct);
                done[run.Entry.Seq + 1] = action;   // the seq of the step Resume records first
                new JourneySteps(profiles, acting, sms.Value.DefaultRegion).Resume(run, outcome, edge);
                continue;
            }

            var timer = run.Entry.IsOpen ? run.TimerAt : null;
            if (next < events.Count && (timer is null || events[next].At <= timer))
            {
                var e = events[next++];
                var change = new ChangeEvent(input.WorkspaceId, profileId, Guid.Empty, $"simulation:{next}", "track", e.Name, e.At, e.At, e.Properties?.ToJsonString());
                JourneyTriggers.Match(run, change, e.Properties, snapshot, new JourneySteps(profiles, e.At, sms.Value.DefaultRegion), e.At);
            }
            else if (timer is { } at && at <= end)
            {
                var node = journey.Nodes[run.Entry.Node];
                var steps = new JourneySteps(profiles, at, sms.Value.DefaultRegion);
                if (node.Kind == JourneyNodeKinds.Delay)
                {
                    steps.Resume(run, "passed", node.Next);
                }
                else
                {
                    steps.Resume(run, "timed_out", node.OnTimeout);
                }
            }
            else
            {
                break;
            }
        }

        var path = new List<SimulatedStep>();
        foreach (var step in run.Steps)
        {
            var message = step.Message is { } m
                ? await messages.RenderAsync(m, input.ProfileId is null ? profiles.State(input.WorkspaceId, 0)?.Traits : input.Traits, input.TimeZone, ct)
                : null;
            path.Add(new SimulatedStep(step.Seq, step.Node, journey.Nodes.TryGetValue(step.Node, out var n) ? n.Kind : null, step.At, step.Outcome, message, done.GetValueOrDefault(step.Seq)));
        }

        var entry = run.Entry;
        return new JourneySimulation(
            journey.JourneyId, journey.Version, entry.State, entry.Node, entry.WaitUntil, entry.ExitReason, entry.ConvertedAt, null, path,
            run.Steps.Count >= JourneySimulation.MaxSteps);
    }

    /// <summary>What an action node would do, rendered and not done, with the outcome and edge it takes.</summary>
    private async Task<(string Outcome, string? Edge, SimulatedAction Action)> ActAsync(
        EntryRun run, JourneyNode node, JourneyProfiles profiles, SimulationInput input, CancellationToken ct)
    {
        var data = run.TemplateData();
        var model = input.ProfileId is { } id
            ? await actions.ModelAsync(input.WorkspaceId, id, data, ct)
            : JourneyActions.WithData(SimulatedMessages.Hypothetical(profiles.State(input.WorkspaceId, 0)?.Traits, input.TimeZone), data);
        if (node.Kind == JourneyNodeKinds.Webhook)
        {
            var request = await actions.RenderWebhookAsync(input.WorkspaceId, node, model, ct);
            if (request.Problem is { } problem)
            {
                return ($"failed: {problem}", node.OnFailure, new SimulatedAction(request.Method, null, null, null, null, null, problem));
            }

            var answer = input.WebhookAnswers?.GetValueOrDefault(node.Id);
            var shown = new SimulatedAction(request.Method, request.Url!.ToString(), request.Headers, request.Body, answer, null, null);
            if (input.FailingWebhooks?.Contains(node.Id) == true)
            {
                return ("failed: simulated", node.OnFailure, shown);
            }

            run.Answer(node.Id, answer);
            return ("webhook:200", node.Next, shown);
        }

        var changes = await actions.RenderUpdateAsync(input.WorkspaceId, node, model, ct);
        if (changes.Problem is { } why)
        {
            return ($"skipped: {why}", node.Next, new SimulatedAction(null, null, null, null, null, null, why));
        }

        // Not written: later steps of this simulation read the traits as the write would leave them.
        if (profiles.State(input.WorkspaceId, input.ProfileId ?? 0) is { } state)
        {
            foreach (var (name, value) in changes.Traits)
            {
                state.Traits[name] = value?.DeepClone();
            }
        }

        return ("updated", node.Next, new SimulatedAction(null, null, null, null, null, changes.Traits, null));
    }

    /// <summary>
    /// When the entry happens and why it would not: an audience entry enters at its first occurrence from the start
    /// (a one-off whose time passed at once, as a launch would), a stored customer only as a member of the audience.
    /// </summary>
    private async Task<(DateTimeOffset Start, string? Refusal)> EntryAsync(CompiledJourney journey, SimulationInput input, CancellationToken ct)
    {
        if (journey.Definition.Entry is not { Kind: JourneyEntryRule.OnAudience, Schedule: { } schedule } entry)
        {
            return (input.Start, Refusal(journey, input));
        }

        var at = schedule.At is { } once ? (once < input.Start ? input.Start : once) : JourneyOccurrences.Next(schedule, input.Start.AddMilliseconds(-1));
        if (at is not { } occurrence)
        {
            return (input.Start, "The audience's schedule has no occurrence after the start.");
        }

        if (input.ProfileId is { } id
            && !(await audience.PageAsync(input.WorkspaceId, new CampaignAudience(entry.Segments ?? [], entry.ExcludeSegments ?? []), id - 1, 1, ct)).Contains(id))
        {
            return (occurrence, "The customer is not in the journey's audience (its segments, less the excluded ones).");
        }

        return (occurrence, null);
    }

    /// <summary>Why the entry event would not let the customer in (another trigger, a property filter), or null.</summary>
    private static string? Refusal(CompiledJourney journey, SimulationInput input)
    {
        var entry = journey.Definition.Entry;
        if (entry.Kind == JourneyEntryRule.OnEvent && entry.TriggerEvent != input.EntryEvent)
        {
            return $"The journey is entered by the event '{entry.TriggerEvent}'.";
        }

        return entry.Kind == JourneyEntryRule.OnEvent && !journey.EntryFilter.Matches(input.EntryData, input.Start)
            ? "The entry event's properties do not match the journey's entry filter."
            : null;
    }
}
