using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Model;
using Kizuna.Storage;

namespace Kizuna.Journeys;

public sealed class JourneyOccurrencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Next_WeeklyCronInAZone_IsTheNextMondayThereAndAnOccurrence()
    {
        var schedule = new AudienceSchedule(Cron: "0 9 * * 1", TimeZone: "Asia/Tokyo");

        var next = JourneyOccurrences.Next(schedule, Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), next);
        Assert.True(JourneyOccurrences.IsOccurrence(schedule, Epoch.ToMs(next!.Value)));
        Assert.False(JourneyOccurrences.IsOccurrence(schedule, Epoch.ToMs(next.Value.AddHours(1))));
        Assert.Equal(next.Value.AddDays(7), JourneyOccurrences.Next(schedule, next.Value));
    }

    [Fact]
    public void First_OnceInThePast_RunsAtLaunchOnly()
    {
        var schedule = new AudienceSchedule(At: Now.AddHours(-1));

        Assert.Equal(Now.AddHours(-1), JourneyOccurrences.First(schedule, Now, launching: true));
        Assert.Null(JourneyOccurrences.First(schedule, Now, launching: false));
        Assert.Null(JourneyOccurrences.Next(schedule, Now));
        Assert.Equal(Now.AddHours(2), JourneyOccurrences.First(schedule with { At = Now.AddHours(2) }, Now, launching: false));
    }
}
