using System.Text.Json.Nodes;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Model;
using Kizuna.Workspaces;

namespace Kizuna.Journeys;

public sealed class JourneyDelaysTests
{
    // A Friday, 23:30 in UTC: already Saturday 08:30 in Tokyo.
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Due_TimeOfDayOnWeekdays_IsTheNextAllowedDayInTheCustomersZone()
    {
        var node = new JourneyNode("d", JourneyNodeKinds.Delay, Until: new TimeOfDayDelay("10:00", ["mon", "tue", "wed", "thu", "fri"]));

        var due = JourneyDelays.Due(node, Now, UserTimeZones.Find("Asia/Tokyo"), null);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero), due);   // Monday 10:00 in Tokyo
    }

    [Fact]
    public void Due_BirthdayAnniversaryWithOffset_IsNextYearsWhenThisYearsPassed()
    {
        var node = new JourneyNode("d", JourneyNodeKinds.Delay, UntilTrait: new TraitDateDelay("birthday", OffsetDays: -1, Anniversary: true, Time: "09:00"));
        var traits = new JsonObject { ["birthday"] = "1990-03-01" };

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 9, 0, 0, TimeSpan.Zero), JourneyDelays.Due(node, Now, null, traits));
        Assert.Equal(Now, JourneyDelays.Due(node, Now, null, new JsonObject { ["birthday"] = "someday" }));
    }

    [Fact]
    public void Due_Duration_AddsToNow()
    {
        Assert.Equal(Now.AddHours(36), JourneyDelays.Due(new JourneyNode("d", JourneyNodeKinds.Delay, Duration: "36h"), Now, null, null));
    }
}
