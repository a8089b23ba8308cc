using System.ComponentModel.DataAnnotations;

namespace Kizuna.Analytics.Scores;

/// <summary>Settings of the per-customer scores (section <c>Analytics:Scores</c>).</summary>
public sealed class ScoresOptions
{
    public const string Section = "Analytics:Scores";

    /// <summary>Refresh every workspace once a day at this time of day (in <see cref="TimeZone"/>).</summary>
    public TimeOnly DailyAt { get; set; } = new(3, 0);

    /// <summary>The time zone of <see cref="DailyAt"/>, an IANA or Windows id.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether the daily refresh is scheduled at all (refreshes after imports and on request still run).</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>
    /// Refresh requests (imports ending, API calls) within one window of this length share one refresh, run at the
    /// window's end.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The CLV horizon in months.</summary>
    [Range(1, 120)]
    public int Months { get; set; } = 12;

    /// <summary>The discount rate per month applied to the CLV (0.01 is about 12.7% a year).</summary>
    [Range(0.0, 1.0)]
    public double MonthlyDiscountRate { get; set; } = 0.01;

    /// <summary>
    /// When the workspace's latest counted order is more than this many days before the refresh, the scores are
    /// computed as of that order's day instead of today: an imported history (Online Retail ends in December 2011)
    /// is scored as it stood when its data ends, not as a shop whose every customer left years ago. 0 always scores
    /// as of today.
    /// </summary>
    [Range(0, 36_525)]
    public int HistoryGapDays { get; set; } = 90;

    /// <summary>
    /// The models are fitted on at most this many customers, every n-th in profile order when there are more (the
    /// spend model on at most this many repeat customers per currency); every customer is still scored with the
    /// fitted models. A sample of 100,000 fixes the few parameters far more tightly than the models fit any real
    /// shop, while each step of the search costs time in proportion to the customers it reads.
    /// </summary>
    [Range(1_000, int.MaxValue)]
    public int FitCustomers { get; set; } = 100_000;

    /// <summary>Fewer customers with orders than this and the models are not fitted (RFM is still scored).</summary>
    [Range(2, int.MaxValue)]
    public int MinimumCustomers { get; set; } = 20;

    /// <summary>Fewer repeat customers in a currency than this and its spend model is not fitted (no CLV there).</summary>
    [Range(2, int.MaxValue)]
    public int MinimumRepeatCustomers { get; set; } = 10;
}
