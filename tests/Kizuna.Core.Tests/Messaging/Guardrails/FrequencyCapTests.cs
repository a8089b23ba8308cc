using Kizuna.Messaging.Checks;
using Kizuna.Storage;

namespace Kizuna.Messaging.Guardrails;

public sealed class FrequencyCapTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Cap_Reached_SkipsTheMessage_CountingMarketingInTheWindowAndTheBatchItself(string engine)
    {
        await using var host = await GuardrailHost.StartAsync(engine, Now);
        await host.SettingsAsync(new MessagingSettings { FrequencyCaps = [new FrequencyCap("email", 2, "P1D")] });
        var profile = await host.CustomerAsync("u-1", new { email = "a@example.com" });
        await host.SentAsync(profile, Now.AddHours(-10));
        await host.SentAsync(profile, Now.AddHours(-1), transactional: true);   // receipts do not count
        await host.SentAsync(profile, Now.AddHours(-25));                       // out of the window
        await host.SentAsync(profile, Now.AddHours(-2), channel: MessageChannel.Sms);   // another channel
        var (first, second, receipt) = (host.Message(profile), host.Message(profile), host.Message(profile, transactional: true));

        var decisions = await host.CheckAsync<FrequencyCapCheck>(first, second, receipt);

        Assert.Null(decisions.For(first.Id));
        Assert.Equal(new SendDecision(SendVerdict.Suppress, "Frequency cap: 2 email per P1D reached."), decisions.For(second.Id));
        Assert.Null(decisions.For(receipt.Id));

        host.Clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromMinutes(1));   // the send of 10 hours ago leaves the window
        Assert.Null((await host.CheckAsync<FrequencyCapCheck>(first, second)).For(second.Id));
    }

    [Fact]
    public async Task Cap_WithDefer_WaitsUntilTheOldestSendLeavesTheWindow()
    {
        await using var host = await GuardrailHost.StartAsync("sqlite", Now);
        await host.SettingsAsync(new MessagingSettings { FrequencyCaps = [new FrequencyCap("email", 1, "PT12H", "defer")] });
        var profile = await host.CustomerAsync("u-2", new { email = "b@example.com" });
        await host.SentAsync(profile, Now.AddHours(-3));
        var message = host.Message(profile);

        var decision = (await host.CheckAsync<FrequencyCapCheck>(message)).For(message.Id);

        Assert.Equal((SendVerdict.Defer, Now.AddHours(9)), (decision!.Verdict, decision.Until));
    }
}
