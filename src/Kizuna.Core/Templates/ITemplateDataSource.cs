namespace Kizuna.Templates;

/// <summary>
/// Extension point: builds the template model of one customer (profile, traits, last event) for previews by
/// profile id. The profile store implements it; without one, previews take their data as JSON.
/// </summary>
public interface ITemplateDataSource
{
    /// <summary>The model for the profile, or null when the workspace has no such profile.</summary>
    ValueTask<TemplateModel?> GetModelAsync(string workspaceId, string profileId, CancellationToken ct);

    /// <summary>
    /// The models of many profiles of one workspace at once, by profile id, each a model of its own. A source may
    /// leave out any profile (by default it reads none this way); the caller then asks <see cref="GetModelAsync"/>.
    /// </summary>
    ValueTask<IReadOnlyDictionary<long, TemplateModel>> GetModelsAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyDictionary<long, TemplateModel>>(new Dictionary<long, TemplateModel>());
}
