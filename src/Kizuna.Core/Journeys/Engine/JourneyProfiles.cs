using Kizuna.Segments.Evaluation;

namespace Kizuna.Journeys.Engine;

/// <summary>What a pass knows of the customers it moves: their state (traits, context, what the versions' conditions read) and the latest template versions.</summary>
public sealed class JourneyProfiles(
    IReadOnlyDictionary<(long WorkspaceId, long ProfileId), ProfileState> states,
    IReadOnlyDictionary<(long WorkspaceId, long TemplateId), int> latest)
{
    public ProfileState? State(long workspaceId, long profileId) => states.GetValueOrDefault((workspaceId, profileId));

    public int? LatestVersion(long workspaceId, long templateId) => latest.TryGetValue((workspaceId, templateId), out var v) ? v : null;

    /// <summary>These profiles with one more customer's state (a simulation's hypothetical customer).</summary>
    public JourneyProfiles With(long workspaceId, ProfileState state) =>
        new(new Dictionary<(long, long), ProfileState>(states) { [(workspaceId, state.Id)] = state }, latest);
}
