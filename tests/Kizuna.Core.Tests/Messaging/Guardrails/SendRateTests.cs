using Kizuna.Messaging.Checks;
using Kizuna.Storage;

namespace Kizuna.Messaging.Guardrails;

public sealed class SendRateTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, 250, TimeSpan.Zero);
    private static readonly DateTimeOffset Second = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Rate_BatchOverTheLimit_SendsTheLimitAndDefersTheRestToTheFollowingSeconds(string engine)
    {
        await using var host = await GuardrailHost.StartAsync(engine, Now);
        await host.SettingsAsync(new MessagingSettings { SendRates = [new SendRate("email", 3)] });
        var batch = Enumerable.Range(0, 8).Select(_ => host.Message(0, transactional: true)).ToArray();
        var sms = host.Message(0, channel: MessageChannel.Sms);

        var decisions = await host.CheckAsync<SendRateCheck>([.. batch, sms]);

        Assert.All(batch.Take(3), m => Assert.Null(decisions.For(m.Id)));
        Assert.Equal(
            [Second.AddSeconds(1), Second.AddSeconds(1), Second.AddSeconds(1), Second.AddSeconds(2), Second.AddSeconds(2)],
            batch.Skip(3).Select(m => decisions.For(m.Id)!.Until));
        Assert.Equal(new SendDecision(SendVerdict.Defer, "Send rate: 3 email a second reached.", Second.AddSeconds(1)), decisions.For(batch[3].Id));
        Assert.Null(decisions.For(sms.Id));   // no limit on SMS
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Rate_SharedWindow_LaterBatchesInTheSameSecondGetOnlyWhatIsLeft_NextSecondStartsAfresh(string engine)
    {
        // Two nodes' senders read the same window in the database: two checks stand in for them.
        await using var host = await GuardrailHost.StartAsync(engine, Now);
        await host.SettingsAsync(new MessagingSettings { SendRates = [new SendRate("email", 5)] });

        var first = await host.CheckAsync<SendRateCheck>([.. Enumerable.Range(0, 3).Select(_ => host.Message(0))]);
        var second = Enumerable.Range(0, 4).Select(_ => host.Message(0)).ToArray();
        var decisions = await host.CheckAsync<SendRateCheck>(second);
        var third = host.Message(0);
        var full = await host.CheckAsync<SendRateCheck>(third);

        Assert.Equal([null, null, SendVerdict.Defer, SendVerdict.Defer], second.Select(m => decisions.For(m.Id)?.Verdict));
        Assert.Equal(Second.AddSeconds(1), full.For(third.Id)!.Until);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = Enumerable.Range(0, 5).Select(_ => host.Message(0)).ToArray();
        var fresh = await host.CheckAsync<SendRateCheck>(next);
        Assert.All(next, m => Assert.Null(fresh.For(m.Id)));
    }

    [Fact]
    public void Validate_BadRates_NameTheField()
    {
        Assert.Equal("sendRates[0].channel", MessagingSettingsValidator.Validate(new MessagingSettings { SendRates = [new SendRate("fax", 3)] })?.Field);
        Assert.Equal("sendRates[0].perSecond", MessagingSettingsValidator.Validate(new MessagingSettings { SendRates = [new SendRate("sms", 0)] })?.Field);
        Assert.Equal("sendRates[1].channel", MessagingSettingsValidator.Validate(new MessagingSettings { SendRates = [new SendRate("sms", 3), new SendRate("sms", 4)] })?.Field);
        Assert.Null(MessagingSettingsValidator.Validate(new MessagingSettings { SendRates = [new SendRate("email", 3000), new SendRate("sms", 10)] }));
    }
}
