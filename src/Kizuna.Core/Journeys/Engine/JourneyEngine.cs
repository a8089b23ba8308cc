using Kizuna.Journeys.Model;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Templates.Store;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Loads what a pass's steps read (the customers' state, once per batch; the templates' latest versions), so the
/// steps themselves (<see cref="JourneySteps"/>) run in memory. The same steps run under a simulated clock for a
/// simulation, with nothing written.
/// </summary>
public sealed class JourneyEngine(ProfileStateReader states, TemplateStore templates)
{
    /// <summary>For a pass of stored entries (due timers): their versions and customers.</summary>
    public Task<JourneyProfiles> PrepareAsync(JourneyPass pass, CancellationToken ct) =>
        PrepareAsync([.. pass.Runs.Select(r => r.Journey).Distinct()], [.. pass.Runs.Select(r => (r.Entry.WorkspaceId, r.Entry.ProfileId))], ct);

    public async Task<JourneyProfiles> PrepareAsync(IReadOnlyCollection<CompiledJourney> journeys, IEnumerable<(long WorkspaceId, long ProfileId)> profiles, CancellationToken ct)
    {
        var conditions = journeys.SelectMany(j => j.Conditions)
            .Concat(journeys.SelectMany(j => j.Definition.Nodes).Where(n => n is { Kind: JourneyNodeKinds.WaitSegment, SegmentId: not null }).Select(n => (Condition)new InSegmentCondition(n.SegmentId!.Value)))
            .ToList();
        var needs = SegmentDependencies.Of(conditions);
        var loaded = new Dictionary<(long, long), ProfileState>();
        foreach (var workspace in profiles.Distinct().GroupBy(p => p.WorkspaceId))
        {
            var read = await states.ReadAsync(workspace.Key, [.. workspace.Select(p => p.ProfileId)], needs, ct);
            foreach (var (id, state) in read)
            {
                loaded[(workspace.Key, id)] = state;
            }
        }

        var latest = new Dictionary<(long, long), int>();
        foreach (var (workspaceId, templateId) in journeys.SelectMany(j => j.Definition.Nodes
                     .Where(n => n is { Kind: JourneyNodeKinds.Message, TemplateVersion: null, TemplateId: not null })
                     .Select(n => (j.WorkspaceId, n.TemplateId!.Value))).Distinct())
        {
            if (await templates.FindAsync(workspaceId, templateId, null, ct) is { } template)
            {
                latest[(workspaceId, templateId)] = template.Version;
            }
        }

        return new JourneyProfiles(loaded, latest);
    }
}
