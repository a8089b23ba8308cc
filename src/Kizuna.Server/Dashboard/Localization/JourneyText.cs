using System.Globalization;
using Kizuna.Journeys;
using Kizuna.Journeys.Model;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of the journey pages (list, detail, editor, simulation), one instance per language, chosen by the same
/// culture as <see cref="DashboardText"/>. Labels with a value in them are composite format strings.
/// </summary>
public sealed partial record JourneyText
{
    public static JourneyText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string StateName(string state) => this == En ? state : state switch
    {
        JourneyStates.Draft => "下書き",
        JourneyStates.Live => "公開中",
        JourneyStates.Paused => "一時停止中",
        JourneyStates.Archived => "アーカイブ済み",
        _ => state,
    };

    public string KindName(string kind) => (this == En, kind) switch
    {
        (true, JourneyNodeKinds.Message) => "Message",
        (true, JourneyNodeKinds.Delay) => "Delay",
        (true, JourneyNodeKinds.WaitEvent) => "Wait for event",
        (true, JourneyNodeKinds.WaitSegment) => "Wait for segment",
        (true, JourneyNodeKinds.Branch) => "Branch",
        (true, JourneyNodeKinds.Split) => "Random split",
        (true, JourneyNodeKinds.UpdateProfile) => "Update profile",
        (true, JourneyNodeKinds.Webhook) => "Webhook",
        (true, JourneyNodeKinds.Exit) => "Exit",
        (false, JourneyNodeKinds.Message) => "メッセージ",
        (false, JourneyNodeKinds.Delay) => "待機",
        (false, JourneyNodeKinds.WaitEvent) => "イベント待ち",
        (false, JourneyNodeKinds.WaitSegment) => "セグメント待ち",
        (false, JourneyNodeKinds.Branch) => "条件分岐",
        (false, JourneyNodeKinds.Split) => "ランダム分岐",
        (false, JourneyNodeKinds.UpdateProfile) => "プロフィール更新",
        (false, JourneyNodeKinds.Webhook) => "Webhook 呼び出し",
        (false, JourneyNodeKinds.Exit) => "終了",
        _ => kind,
    };

    public string EntryKindName(string kind) => (this == En, kind) switch
    {
        (true, JourneyEntryRule.OnEvent) => "Event",
        (true, JourneyEntryRule.OnSegmentEntered) => "Enters segment",
        (true, JourneyEntryRule.OnSegmentLeft) => "Leaves segment",
        (true, JourneyEntryRule.OnApi) => "API call",
        (true, JourneyEntryRule.OnAudience) => "Segment on a schedule",
        (false, JourneyEntryRule.OnEvent) => "イベント",
        (false, JourneyEntryRule.OnSegmentEntered) => "セグメントに入る",
        (false, JourneyEntryRule.OnSegmentLeft) => "セグメントから出る",
        (false, JourneyEntryRule.OnApi) => "API 呼び出し",
        (false, JourneyEntryRule.OnAudience) => "スケジュールでセグメント",
        _ => kind,
    };

    /// <summary>The entry rule in a few words: <c>Event: Checkout Started</c>, <c>Enters segment #4</c>.</summary>
    public string TriggerOf(JourneyEntryRule entry) => entry.Kind switch
    {
        JourneyEntryRule.OnEvent => $"{EntryKindName(entry.Kind)}: {entry.Event}",
        JourneyEntryRule.OnSegmentEntered or JourneyEntryRule.OnSegmentLeft => $"{EntryKindName(entry.Kind)} #{entry.SegmentId?.ToString(CultureInfo.InvariantCulture)}",
        JourneyEntryRule.OnAudience => $"{EntryKindName(entry.Kind)}: {string.Join(", ", (entry.Segments ?? []).Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)))}, "
            + (entry.Schedule?.Cron ?? entry.Schedule?.At?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
        _ => EntryKindName(entry.Kind),
    };

    public string GoalOf(ConversionGoal goal) => Format(GoalText, goal.Event, goal.Window);

    public string SavedAs(int version) => Format(Saved, version);

    public string Ends(string state) => Format(EndsAs, StateName(state));

    public string ConvertedOn(string at) => Format(ConvertedAt, at);

    public string NotAnObject(string field) => Format(NotJson, field);

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
