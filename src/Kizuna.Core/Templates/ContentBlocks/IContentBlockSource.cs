namespace Kizuna.Templates.ContentBlocks;

/// <summary>
/// Extension point: resolves the content blocks and partials a template uses by workspace and name
/// (<c>{% content_block "footer" %}</c>, <c>{% render "product_card" %}</c>).
/// </summary>
/// <remarks>
/// The compiled block is cached by (workspace, name, version), so an implementation should return the current
/// version cheaply; the body is parsed only when the version changes.
/// </remarks>
public interface IContentBlockSource
{
    /// <summary>The current version of the block, or null when the workspace has none of that name.</summary>
    ValueTask<ContentBlock?> GetAsync(string workspaceId, string name, CancellationToken ct);
}
