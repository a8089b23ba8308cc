using Kizuna.Segments.Definitions;
using Kizuna.Templates.Store;

namespace Kizuna.Journeys.Model;

/// <summary>
/// What a definition may name in its workspace: the templates (by id), the active segments' definitions (by id), the
/// subscription groups' keys (null: not checked), and a Liquid check answering why a text does not compile (null: it does).
/// </summary>
public sealed record JourneyReferences(
    IReadOnlyDictionary<long, TemplateSummary> Templates,
    Func<long, Condition?> Segments,
    IReadOnlySet<string>? SubscriptionGroups = null,
    Func<string, string?>? Liquid = null);
