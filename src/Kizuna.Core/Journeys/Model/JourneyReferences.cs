using Kizuna.Segments.Definitions;
using Kizuna.Templates.Store;

namespace Kizuna.Journeys.Model;

/// <summary>What a definition may name in its workspace: the templates (by id) and the active segments' definitions (by id).</summary>
public sealed record JourneyReferences(IReadOnlyDictionary<long, TemplateSummary> Templates, Func<long, Condition?> Segments);
