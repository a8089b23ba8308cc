using System.Text.Json.Nodes;

namespace Kizuna.Journeys.Model;

/// <summary>
/// One node of the graph; <see cref="Kind"/> says which fields it reads (see <see cref="JourneyNodeKinds"/>):
/// <list type="bullet">
/// <item><c>message</c>: <see cref="Channel"/>, <see cref="TemplateId"/>, <see cref="TemplateVersion"/> (null: the latest when sent), <see cref="SubscriptionGroupId"/>; then <see cref="Next"/>.</item>
/// <item><c>delay</c>: one of <see cref="Duration"/> (<c>1h</c>), <see cref="Until"/> (a time of day in the customer's zone on allowed weekdays) or <see cref="UntilTrait"/> (a date trait ± days).</item>
/// <item><c>wait_event</c>: <see cref="Event"/> passing <see cref="Where"/> with <see cref="Match"/> keyed to the entry event, else after <see cref="Timeout"/> along <see cref="OnTimeout"/>.</item>
/// <item><c>wait_segment</c>: until the customer is in <see cref="SegmentId"/>, else after <see cref="Timeout"/> along <see cref="OnTimeout"/>.</item>
/// <item><c>branch</c>: <see cref="Condition"/> over the profile and <see cref="EntryWhere"/> over the entry event; <see cref="Next"/> when both hold, else <see cref="Else"/>.</item>
/// <item><c>split</c>: one of <see cref="Paths"/> by weight, stable per entry; a path may be the control.</item>
/// <item><c>update_profile</c>: writes <see cref="Traits"/> and <see cref="Subscriptions"/> on the customer through the ingestion write path; then <see cref="Next"/>.</item>
/// <item><c>webhook</c>: makes the HTTP call <see cref="Webhook"/> and keeps its JSON answer for later nodes; <see cref="Next"/> on a 2xx, else <see cref="OnFailure"/>.</item>
/// <item><c>exit</c>: the entry ends here.</item>
/// </list>
/// Any node may have a <see cref="Position"/> on the map (optional, for the editor only).
/// </summary>
public sealed record JourneyNode(
    string Id,
    string Kind,
    string? Name = null,
    string? Next = null,
    string? Channel = null,
    long? TemplateId = null,
    int? TemplateVersion = null,
    long? SubscriptionGroupId = null,
    string? Duration = null,
    TimeOfDayDelay? Until = null,
    TraitDateDelay? UntilTrait = null,
    string? Event = null,
    IReadOnlyList<string>? Match = null,
    string? Where = null,
    long? SegmentId = null,
    string? Timeout = null,
    string? OnTimeout = null,
    string? Condition = null,
    string? EntryWhere = null,
    string? Else = null,
    IReadOnlyList<SplitPath>? Paths = null,
    JsonObject? Traits = null,
    IReadOnlyList<SubscriptionChange>? Subscriptions = null,
    WebhookCall? Webhook = null,
    string? OnFailure = null,
    NodePosition? Position = null)
{
    /// <summary>Every node this one leads to, with the edge's name.</summary>
    public IEnumerable<(string Edge, string Target)> Edges()
    {
        if (Next is not null)
        {
            yield return ("next", Next);
        }

        if (OnTimeout is not null)
        {
            yield return ("onTimeout", OnTimeout);
        }

        if (Else is not null)
        {
            yield return ("else", Else);
        }

        if (OnFailure is not null)
        {
            yield return ("onFailure", OnFailure);
        }

        foreach (var path in Paths ?? [])
        {
            if (path.Next is not null)
            {
                yield return ($"path {path.Name}", path.Next);
            }
        }
    }
}
