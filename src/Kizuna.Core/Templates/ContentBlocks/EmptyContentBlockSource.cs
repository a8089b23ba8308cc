namespace Kizuna.Templates.ContentBlocks;

/// <summary>No content blocks at all: the default until a store is registered.</summary>
public sealed class EmptyContentBlockSource : IContentBlockSource
{
    public static EmptyContentBlockSource Instance { get; } = new();

    public ValueTask<ContentBlock?> GetAsync(string workspaceId, string name, CancellationToken ct) =>
        ValueTask.FromResult<ContentBlock?>(null);
}
