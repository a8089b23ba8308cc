using System.Globalization;
using Kizuna.Journeys.Model;
using Kizuna.Segments;
using Kizuna.Templates.Store;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>The workspace's templates and segments as the journey pages name them, and what each node does in a few words.</summary>
public sealed class JourneyReferenceNames(IReadOnlyList<TemplateSummary> templates, IReadOnlyList<Segment> segments)
{
    public IReadOnlyList<TemplateSummary> Templates { get; } = templates;

    public IReadOnlyList<Segment> Segments { get; } = segments;

    public static async Task<JourneyReferenceNames> LoadAsync(TemplateStore templates, SegmentStore segments, long workspaceId, CancellationToken ct) =>
        new(await templates.ListAsync(workspaceId, TemplateKind.Template, ct), await segments.ListAsync(workspaceId, includeArchived: false, ct));

    public string Template(long? id) => Templates.FirstOrDefault(t => t.Id == id)?.Name ?? (id is { } i ? "#" + i.ToString(CultureInfo.InvariantCulture) : "–");

    public string Segment(long? id) => Segments.FirstOrDefault(s => s.Id == id)?.Name ?? (id is { } i ? "#" + i.ToString(CultureInfo.InvariantCulture) : "–");

    public string? Summary(JourneyNodeDraft n) => n.Kind switch
    {
        JourneyNodeKinds.Message => $"{n.Channel} · {Template(n.TemplateId)}",
        JourneyNodeKinds.Delay => n.Duration ?? (n.UntilTime is { } t ? $"→ {t} {n.UntilWeekdays}" : n.UntilTrait is { } trait ? $"→ {trait}" : null),
        JourneyNodeKinds.WaitEvent => $"{n.Event} ≤ {n.Timeout}",
        JourneyNodeKinds.WaitSegment => $"{Segment(n.SegmentId)} ≤ {n.Timeout}",
        JourneyNodeKinds.Branch => n.Condition ?? n.EntryWhere,
        JourneyNodeKinds.UpdateProfile => string.Join(", ", [.. JourneyActionText.ParseTraits(n.Traits)?.Select(t => t.Key) ?? [], .. JourneyActionText.ParseSubscriptions(n.Subscriptions)?.Select(c => $"{c.Channel ?? c.Group}: {c.State}") ?? []]),
        JourneyNodeKinds.Webhook => $"{n.WebhookMethod} {(Uri.TryCreate(n.WebhookUrl, UriKind.Absolute, out var url) ? url.Host : n.WebhookUrl)}",
        JourneyNodeKinds.Split => string.Join(" / ", n.Paths.Select(p => $"{p.Name} {p.Weight}%{(p.Control ? "*" : "")}")),
        _ => null,
    };
}
