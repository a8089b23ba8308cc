using Kizuna.Templates.Store;

namespace Kizuna.Journeys.Library;

/// <summary>
/// Starts a journey from a ready-made one: each message node takes the workspace's template of the ready-made name
/// (so a team's edited copy is kept), created from the ready-made content when the workspace has none, and the
/// journey is saved as a draft through the same validation as any other.
/// </summary>
public sealed class JourneyLibrary(JourneyService journeys, TemplateStore templates, TemplateLibrary library)
{
    public async Task<JourneySaveResult?> StartAsync(long workspaceId, string key, string? name, string author, CancellationToken ct)
    {
        if (ReadyJourneys.Find(key) is not { } ready)
        {
            return null;
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var message in ready.Messages)
        {
            var existing = await templates.FindByNameAsync(workspaceId, TemplateKind.Template, message.TemplateName, ct);
            if (existing is null)
            {
                var created = await library.CreateAsync(workspaceId, TemplateKind.Template, message.TemplateName,
                    new TemplateDraft(message.Body, message.Subject, $"Used by the ready-made journey '{ready.Name}'.", message.Channel == "email" ? null : message.Channel), author, ct);
                existing = created.Template ?? await templates.FindByNameAsync(workspaceId, TemplateKind.Template, message.TemplateName, ct);
            }

            if (existing is not null)
            {
                ids[message.Node] = existing.Id;
            }
        }

        var definition = ready.Definition with
        {
            Nodes = [.. ready.Definition.Nodes.Select(n => ids.TryGetValue(n.Id, out var id) ? n with { TemplateId = id } : n)],
        };
        return await journeys.CreateAsync(workspaceId, name ?? ready.Name, definition, author, ct);
    }
}
