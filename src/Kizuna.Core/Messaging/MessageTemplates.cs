using System.Collections.Concurrent;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Content;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging;

/// <summary>
/// The message templates sends read, by (workspace, id, version). A saved version never changes, so a version read
/// once is kept (up to a bound) and a campaign's million sends read its template once.
/// </summary>
public sealed class MessageTemplates(TemplateStore store)
{
    private const int MaxCached = 1_000;
    private readonly ConcurrentDictionary<(long Workspace, long Id, int Version), StoredTemplate> _versions = new();

    public async ValueTask<MessageTemplate?> FindAsync(IMessageComposer composer, long workspaceId, long id, int version, CancellationToken ct)
    {
        if (!_versions.TryGetValue((workspaceId, id, version), out var stored))
        {
            if (await store.FindAsync(workspaceId, id, version, ct) is not { } found)
            {
                return null;
            }

            if (_versions.Count >= MaxCached)
            {
                _versions.Clear();
            }

            stored = _versions[(workspaceId, id, version)] = found;
        }

        return composer.TemplateFrom(stored);
    }
}
