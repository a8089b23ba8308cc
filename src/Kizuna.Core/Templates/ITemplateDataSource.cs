namespace Kizuna.Templates;

/// <summary>
/// Extension point: builds the template model of one customer (profile, traits, last event) for previews by
/// profile id. The profile store implements it; without one, previews take their data as JSON.
/// </summary>
public interface ITemplateDataSource
{
    /// <summary>The model for the profile, or null when the workspace has no such profile.</summary>
    ValueTask<TemplateModel?> GetModelAsync(string workspaceId, string profileId, CancellationToken ct);
}
