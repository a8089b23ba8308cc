using System.Globalization;
using Kizuna.Campaigns;
using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of the campaign pages (list, editor, report), one instance per language, chosen by the same culture as
/// <see cref="DashboardText"/>. Labels with a value in them are composite format strings.
/// </summary>
public sealed partial record CampaignText
{
    public static CampaignText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string StateName(CampaignState state) => this == En ? CampaignStates.Name(state) : state switch
    {
        CampaignState.Draft => "下書き",
        CampaignState.Scheduled => "予約済み",
        CampaignState.Sending => "送信中",
        CampaignState.Paused => "一時停止中",
        CampaignState.Sent => "送信済み",
        _ => "中止",
    };

    public string ScheduleName(ScheduleKind kind) => (this == En, kind) switch
    {
        (true, ScheduleKind.Now) => "Now",
        (true, ScheduleKind.At) => "At a time",
        (true, ScheduleKind.LocalTime) => "Local time",
        (true, _) => "Recurring",
        (false, ScheduleKind.Now) => "今すぐ",
        (false, ScheduleKind.At) => "日時指定",
        (false, ScheduleKind.LocalTime) => "現地時刻",
        _ => "繰り返し",
    };

    public string MetricName(WinnerMetric metric) => (this == En, metric) switch
    {
        (true, WinnerMetric.OpenRate) => "Open rate",
        (true, WinnerMetric.ClickRate) => "Click rate",
        (true, _) => "Conversion rate",
        (false, WinnerMetric.OpenRate) => "開封率",
        (false, WinnerMetric.ClickRate) => "クリック率",
        _ => "コンバージョン率",
    };

    public string Customers(long count) => Format(AudienceCount, count);

    public string SplitOf(AudienceSize size) =>
        Format(AudienceSplit, size.Control, string.Join(" / ", size.PerVariant.Select(n => n.ToString("N0", CultureInfo.CurrentCulture))), size.HeldForWinner);

    public string DoneIn(CampaignState state) => Format(Done, StateName(state));

    public string Invalid(string field, string error) => Format(Problem, field, error);

    public string TestQueued(int count) => Format(TestSent, count);

    public string WinnerIs(string name) => Format(Winner, name);

    /// <summary>The A/B comparison in plain words; the English sentence comes with the report.</summary>
    public string Sentence(VariantComparison c) => this == En ? c.Summary : c.Significant
        ? $"{c.Variant} の{MetricName(c.Metric)}は {c.Against} より {Points(c.Difference)} {(c.Difference > 0 ? "高く" : "低く")}、この差は統計的に有意です（p {CampaignStatistics.PValue(c.PValue)}）。"
        : $"{c.Variant} と {c.Against} の{MetricName(c.Metric)}の差（{Points(c.Difference)}）は、偶然の範囲内で有意ではありません（p {CampaignStatistics.PValue(c.PValue)}）。";

    /// <summary>The uplift in plain words; the English sentence comes with the report.</summary>
    public string Sentence(Uplift u) => this == En ? u.Summary : u.Significant
        ? $"受信者のコンバージョン率はコントロールより {Points(u.Difference)} {(u.Difference > 0 ? "高く" : "低く")}、この差は統計的に有意です（p {CampaignStatistics.PValue(u.PValue)}）。"
        : $"受信者とコントロールのコンバージョン率の差（{Points(u.Difference)}）は有意ではありません（p {CampaignStatistics.PValue(u.PValue)}）。";

    /// <summary>A difference of rates in percentage points, signed.</summary>
    public static string Points(double difference) =>
        (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture) + (Current == Ja ? " ポイント" : " pts");

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
