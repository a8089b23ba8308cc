using Kizuna.Journeys.Model;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>An exit criterion as the editor changes it: an event with its match keys (comma separated) and property filter, or a condition over the customer.</summary>
public sealed class ExitDraft
{
    public string? Event { get; set; }
    public string? Match { get; set; }
    public string? Where { get; set; }
    public string? Condition { get; set; }

    public bool IsBlank => new[] { Event, Match, Where, Condition }.All(string.IsNullOrWhiteSpace);

    public static ExitDraft From(ExitCriterion exit) => new()
    {
        Event = exit.Event,
        Match = exit.Match is { Count: > 0 } m ? string.Join(", ", m) : null,
        Where = exit.Where,
        Condition = exit.Condition,
    };

    public ExitCriterion ToCriterion() => new(
        Blank(Event),
        Match?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } keys ? keys : null,
        Blank(Where),
        Blank(Condition));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
