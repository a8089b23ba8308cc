namespace Kizuna.Server.Dashboard.Localization;

/// <summary>The labels of audience entries (segments on a schedule) in the editor and the list, and of a split path's uplift.</summary>
public sealed partial record JourneyText
{
    public string AudienceSegment => this == En ? "Members of" : "対象セグメント";

    public string AudienceExclude => this == En ? "Except members of" : "除外セグメント";

    public string ScheduleRepeat => this == En ? "When" : "実行タイミング";

    public string ScheduleOnce => this == En ? "Once" : "1 回";

    public string ScheduleRecurring => this == En ? "Recurring" : "繰り返し";

    public string ScheduleAt => this == En ? "Date and time" : "日時";

    public string ScheduleCron => this == En ? "Cron expression" : "cron 式";

    public string ScheduleHint => this == En
        ? "Recurring: @daily, @weekly, or five fields (0 9 * * 1 is Mondays at 09:00) read in the time zone. Each occurrence enters the members once."
        : "繰り返し: @daily、@weekly、または 5 項目の式（0 9 * * 1 は毎週月曜 9:00）をタイムゾーンで解釈します。各回でメンバーは 1 度だけ開始します。";

    /// <summary>A 95% interval of a difference, its ends already formatted.</summary>
    public string IntervalOf(string low, string high) => this == En ? $"95% interval {low} to {high}" : $"95% 信頼区間 {low} 〜 {high}";
}
