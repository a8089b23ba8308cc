using Kizuna.Messaging.Checks;
using Kizuna.Storage;
using TimeZoneConverter;

namespace Kizuna.Messaging.Guardrails;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = TZConvert.GetTimeZoneInfo("America/New_York");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task QuietHours_InTheCustomersOwnZone_DeferToTheirEnd(string engine)
    {
        // 13:30 UTC is 22:30 in Tokyo (quiet), 08:30 in New York and 13:30 in UTC (neither).
        var now = new DateTimeOffset(2026, 1, 15, 13, 30, 0, TimeSpan.Zero);
        await using var host = await GuardrailHost.StartAsync(engine, now);
        await host.SettingsAsync(new MessagingSettings { QuietHours = new QuietHours("21:00", "08:00") });
        var tokyo = host.Message(await host.CustomerAsync("u-tokyo", new { email = "t@example.com", timezone = "Asia/Tokyo" }));
        var newYork = host.Message(await host.CustomerAsync("u-ny", new { email = "n@example.com", timezone = "America/New_York" }));
        var nowhere = host.Message(await host.CustomerAsync("u-utc", new { email = "u@example.com" }));
        var receipt = host.Message(tokyo.ProfileId, transactional: true);

        var decisions = await host.CheckAsync<QuietHoursCheck>(tokyo, newYork, nowhere, receipt);

        Assert.Equal(
            new SendDecision(SendVerdict.Defer, "Quiet hours (21:00–08:00 Asia/Tokyo): deferred to their end.", new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero)),
            decisions.For(tokyo.Id));
        Assert.Null(decisions.For(newYork.Id));
        Assert.Null(decisions.For(nowhere.Id));
        Assert.Null(decisions.For(receipt.Id));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero));   // 08:00 in Tokyo: the deferred message goes
        Assert.Null((await host.CheckAsync<QuietHoursCheck>(tokyo)).For(tokyo.Id));
    }

    [Fact]
    public async Task QuietHours_WithDrop_AndAWorkspaceDefaultZone_SkipTheMessage()
    {
        await using var host = await GuardrailHost.StartAsync("sqlite", new DateTimeOffset(2026, 7, 1, 3, 0, 0, TimeSpan.Zero));   // 23:00 in New York (EDT)
        await host.SettingsAsync(new MessagingSettings { QuietHours = new QuietHours("22:00", "07:00", ["email"], "America/New_York", "drop") });
        var email = host.Message(await host.CustomerAsync("u-1", new { email = "a@example.com" }));
        var sms = host.Message(email.ProfileId, channel: MessageChannel.Sms);

        var decisions = await host.CheckAsync<QuietHoursCheck>(email, sms);

        Assert.Equal(SendVerdict.Suppress, decisions.For(email.Id)!.Verdict);
        Assert.Null(decisions.For(sms.Id));   // quiet hours cover email only here
    }

    [Fact]
    public void End_AcrossTheSpringForwardNight_IsSevenInTheMorningOnTheNewOffset()
    {
        // 22:30 EST on 7 March; clocks go forward at 02:00 on 8 March, so 07:00 is EDT (UTC−4), 11:00 UTC, not 12:00.
        var end = QuietHoursWindow.EndOf(new TimeOnly(22, 0), new TimeOnly(7, 0), NewYork, new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 11, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void End_InsideTheSkippedHour_MovesToTheFirstMinuteAfterIt()
    {
        // 02:30 does not exist on 8 March 2026 in New York: the quiet hours end at 03:00 EDT.
        var end = QuietHoursWindow.EndOf(new TimeOnly(22, 0), new TimeOnly(2, 30), NewYork, new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void End_InTheRepeatedHour_IsItsFirstOccurrence()
    {
        // 01:30 happens twice on 1 November 2026 (EDT, then EST): the first is 05:30 UTC.
        var end = QuietHoursWindow.EndOf(new TimeOnly(22, 0), new TimeOnly(1, 30), NewYork, new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void End_OutsideTheWindow_IsNull()
    {
        Assert.Null(QuietHoursWindow.EndOf(new TimeOnly(21, 0), new TimeOnly(8, 0), TZConvert.GetTimeZoneInfo("Asia/Tokyo"), new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero)));
        Assert.Null(QuietHoursWindow.EndOf(new TimeOnly(1, 0), new TimeOnly(6, 0), TimeZoneInfo.Utc, new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero)));
    }
}
