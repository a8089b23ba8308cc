namespace Kizuna.Analytics;

public sealed class OverviewPeriodTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(null, "2026-03-10")]            // nothing yet: today
    [InlineData("2026-03-10", "2026-03-10")]    // active today
    [InlineData("2026-02-09", "2026-03-10")]    // the first day of the last 30 still counts as recent
    [InlineData("2026-02-08", "2026-02-08")]    // quiet for 30 days: the last day with data
    [InlineData("2011-12-09", "2011-12-09")]    // an imported history
    public void DefaultEnd_LatestActivity_TodayOnlyWhenRecent(string? latest, string expected)
    {
        DateOnly? latestDay = latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), OverviewPeriod.DefaultEnd(Today, latestDay));
    }

    [Theory]
    [InlineData(OverviewPreset.Last7Days, "2026-03-04", 7)]
    [InlineData(OverviewPreset.Last30Days, "2026-02-09", 30)]
    [InlineData(OverviewPreset.Last90Days, "2025-12-11", 90)]
    [InlineData(OverviewPreset.Last12Months, "2025-03-11", 365)]
    public void Ending_Preset_CoversItsDaysUpToTheEnd(OverviewPreset preset, string from, int days)
    {
        var period = OverviewPeriod.Ending(preset, Today);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), Today, days), (period.From, period.To, period.Days));
    }

    [Fact]
    public void Custom_ReversedOrTooLong_IsRefused()
    {
        Assert.Null(OverviewPeriod.Custom(Today, Today.AddDays(-1)));
        Assert.Null(OverviewPeriod.Custom(Today.AddDays(-OverviewPeriod.MaxDays), Today));
        Assert.Equal(1, OverviewPeriod.Custom(Today, Today)!.Days);
    }
}
