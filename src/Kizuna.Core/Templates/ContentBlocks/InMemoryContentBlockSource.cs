using System.Collections.Concurrent;

namespace Kizuna.Templates.ContentBlocks;

/// <summary>Content blocks held in memory: tests, previews with unsaved blocks, and the default before storage is wired.</summary>
public sealed class InMemoryContentBlockSource : IContentBlockSource
{
    private readonly ConcurrentDictionary<(string Workspace, string Name), ContentBlock> _blocks = new();

    /// <summary>Adds or replaces a block; the version goes up by one on every replacement.</summary>
    public ContentBlock Set(string workspaceId, string name, string body) =>
        _blocks.AddOrUpdate(
            (workspaceId, name),
            static (key, b) => new ContentBlock(key.Name, 1, b),
            static (key, old, b) => new ContentBlock(key.Name, old.Version + 1, b),
            body);

    public ValueTask<ContentBlock?> GetAsync(string workspaceId, string name, CancellationToken ct) =>
        ValueTask.FromResult(_blocks.TryGetValue((workspaceId, name), out var block) ? block : null);
}
