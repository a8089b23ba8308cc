using Kizuna.Journeys.Model;
using Kizuna.Server.Dashboard.Journeys;

namespace Kizuna.Server.Dashboard.Pages.Journeys;

/// <summary>
/// The editor's rules around the graph: re-entry (never, after exit, always; at most N entries; a minimum gap), the
/// entry rate limit, the exit criteria (an event keyed to the entry's data, or a condition over the customer) and the
/// conversion goal with its window and filter.
/// </summary>
public sealed partial class JourneyEditor
{
    private string? _reEntryMode = ReEntryRule.AfterExit, _minGap, _limitPer, _goalEvent, _goalWindow, _goalWhere;
    private int? _maxEntries, _limitCount;
    private List<ExitDraft> _exits = [];

    private void LoadRules(JourneyDefinition definition)
    {
        _reEntryMode = definition.ReEntry?.Mode ?? ReEntryRule.AfterExit;
        _maxEntries = definition.ReEntry?.MaxEntries;
        _minGap = definition.ReEntry?.MinGap;
        _limitCount = definition.EntryLimit?.Count;
        _limitPer = definition.EntryLimit?.Per;
        _exits = [.. (definition.Exits ?? []).Select(ExitDraft.From)];
        _goalEvent = definition.Goal?.Event;
        _goalWindow = definition.Goal?.Window;
        _goalWhere = definition.Goal?.Where;
    }

    /// <summary>The rules as typed; a half-filled limit or goal is kept so that validation names the missing field.</summary>
    private JourneyDefinition WithRules(JourneyDefinition definition)
    {
        var mode = _reEntryMode ?? ReEntryRule.AfterExit;
        var exits = _exits.Where(e => !e.IsBlank).Select(e => e.ToCriterion()).ToList();
        return definition with
        {
            ReEntry = mode == ReEntryRule.AfterExit && _maxEntries is null && Blank(_minGap) is null && definition.ReEntry is null
                ? null
                : new ReEntryRule(mode, _maxEntries, Blank(_minGap)),
            EntryLimit = _limitCount is null && Blank(_limitPer) is null ? null : new EntryRateLimit(_limitCount ?? 0, Blank(_limitPer) ?? ""),
            Exits = exits.Count > 0 ? exits : null,
            Goal = Blank(_goalEvent) is null && Blank(_goalWindow) is null && Blank(_goalWhere) is null
                ? null
                : new ConversionGoal(Blank(_goalEvent) ?? "", Blank(_goalWindow) ?? "", Blank(_goalWhere)),
        };
    }

    private void AddExit() => _exits.Add(new ExitDraft());

    private void RemoveExit(ExitDraft exit) => _exits.Remove(exit);

    /// <summary>The CSS class of an input whose field (or a field under it) the last validation refused.</summary>
    private string Invalid(string field) =>
        _errors.Any(e => e.Field == field || e.Field.StartsWith(field + ".", StringComparison.Ordinal)) ? "kz-invalid" : "";
}
