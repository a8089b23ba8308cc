using System.Globalization;
using Kizuna.Analytics.Rfm;
using Kizuna.Work.Jobs;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of the analytics pages, one instance per language, chosen by the same culture as
/// <see cref="DashboardText"/>. Labels with a value in them are composite format strings.
/// </summary>
public sealed partial record AnalyticsText
{
    public static AnalyticsText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string SegmentName(RfmSegment segment) => Segments.GetValueOrDefault(segment, Kizuna.Analytics.Rfm.RfmSegments.Name(segment));

    /// <summary>Where a refresh's job stands; <paramref name="seconds"/> until a waiting job is due.</summary>
    public string JobState(JobState state, int seconds) => state switch
    {
        Work.Jobs.JobState.Waiting => JobWaiting(seconds),
        Work.Jobs.JobState.Running => JobRunning,
        Work.Jobs.JobState.Done => JobDone,
        _ => JobFailed,
    };

    public string Previously(string value) => Format(PreviouslyFormat, value);

    public string PointsChange(double points) => Format(PointsChangeFormat, points);

    public string RevenueTrend(string? currency) => Format(RevenueTrendFormat, currency);

    public string DaysValue(double days) => Format(DaysValueFormat, days);

    public string ByRevenue(string? currency) => Format(ByRevenueFormat, currency);

    public string ScoresAt(int customers) => Format(ScoresAtFormat, customers);

    public string MonthOffset(int months) => Format(MonthOffsetFormat, months);

    public string ActiveOf(long active, long customers) => Format(ActiveOfFormat, active, customers);

    public string MembersOf(string members) => Format(MembersOfFormat, members);

    public string RepeatSpendRatio(string ratio) => Format(RepeatSpendRatioFormat, ratio);

    public string RulesFound(long rules, long baskets) => Format(RulesFoundFormat, rules, baskets);

    public string BasketsStored(string from, string to) => Format(BasketsStoredFormat, from, to);

    public string BasketsLive(string from, string to) => Format(BasketsLiveFormat, from, to);

    public string FewAnswers(long answers, string low, string high) => Format(FewAnswersFormat, answers, low, high);

    public string ManyAnswers(long answers, string low, string high) => Format(ManyAnswersFormat, answers, low, high);

    public string JobWaiting(int seconds) => Format(JobWaitingFormat, seconds);

    private static string Format(string format, params object?[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
