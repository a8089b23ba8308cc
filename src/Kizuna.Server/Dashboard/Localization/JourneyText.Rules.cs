using Kizuna.Journeys.Model;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>The labels of the editor's rules around the graph: re-entry, the entry rate limit, exit criteria, the goal's filter, and the names of their fields in validation messages.</summary>
public sealed partial record JourneyText
{
    public string ReEntryName(string mode) => (this == En, mode) switch
    {
        (true, ReEntryRule.AfterExit) => "Again after the earlier entry ended",
        (true, ReEntryRule.Never) => "Never again",
        (true, ReEntryRule.Always) => "Always, even while in the journey",
        (false, ReEntryRule.AfterExit) => "前回の終了後に再エントリー",
        (false, ReEntryRule.Never) => "再エントリーしない",
        (false, ReEntryRule.Always) => "常に（参加中でも）",
        _ => mode,
    };

    public string MaxEntries => this == En ? "At most entries per customer" : "顧客ごとの最大エントリー数";

    public string MinGap => this == En ? "Minimum gap between entries" : "エントリーの最小間隔";

    public string EntryLimitCount => this == En ? "Entry limit (entries)" : "エントリー上限（件数）";

    public string EntryLimitPer => this == En ? "per" : "期間";

    public string NoLimit => this == En ? "no limit" : "上限なし";

    public string ExitCriteria => this == En ? "Exit criteria" : "終了条件";

    public string ExitEvent => this == En ? "Exit event" : "終了イベント";

    public string ExitMatch => this == En ? "Same as the entry's (match keys)" : "エントリーと同じ値（一致キー）";

    public string ExitCondition => this == En ? "Or a customer condition (segment language)" : "または顧客の条件（セグメント言語）";

    public string AddExit => this == En ? "Add an exit criterion" : "終了条件を追加";

    public string RemoveExit => this == En ? "Remove this exit criterion" : "この終了条件を削除";

    public string ExitHint => this == En
        ? "Each row is an event (with match keys: the same cart_id as the entry event, and a property filter) or a condition over the customer; an entry ends the moment one holds."
        : "各行はイベント（一致キー: エントリーイベントと同じ cart_id など、プロパティ条件）または顧客の条件です。いずれかが成り立った時点でエントリーは終了します。";

    public string GoalWhere => this == En ? "Goal property filter" : "ゴールのプロパティ条件";

    /// <summary>The label of a rule's field as the editor shows it (<c>reEntry.maxEntries</c>, <c>exits[0].match</c>), for validation messages; null for node fields.</summary>
    public string? FieldName(string field)
    {
        var at = field.IndexOf('[', StringComparison.Ordinal);
        var key = field.StartsWith("exits[", StringComparison.Ordinal) && field.IndexOf('.', at) is > 0 and var dot ? "exits." + field[(dot + 1)..]
            : field.StartsWith("exits[", StringComparison.Ordinal) ? "exits" : field;
        return key switch
        {
            "entry.kind" => EntryKind,
            "entry.event" => EventName,
            "entry.where" => Where,
            "entry.segmentId" => Segment,
            "reEntry.mode" => ReEntry,
            "reEntry.maxEntries" => MaxEntries,
            "reEntry.minGap" => MinGap,
            "entryLimit.count" => EntryLimitCount,
            "entryLimit.per" => $"{EntryLimitCount} {EntryLimitPer}",
            "exits" => ExitCriteria,
            "exits.match" => $"{ExitCriteria}: {ExitMatch}",
            "exits.where" => $"{ExitCriteria}: {Where}",
            "exits.condition" => $"{ExitCriteria}: {ExitCondition}",
            "goal.event" => GoalEvent,
            "goal.window" => GoalWindow,
            "goal.where" => GoalWhere,
            _ => null,
        };
    }
}
