using Kizuna.Messaging.Checks;
using Kizuna.Segments.Definitions;

namespace Kizuna.Messaging.Guardrails;

public sealed class ControlGroupTests
{
    [Fact]
    public async Task ControlGroup_ItsShareGetsNoMarketing_TheSameProfilesEveryTime_ButStillReceipts()
    {
        await using var host = await GuardrailHost.StartAsync("sqlite", new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));
        await host.SettingsAsync(new MessagingSettings { ControlGroup = new ControlGroup(10, Salt: 31) });
        var marketing = Enumerable.Range(1, 2000).Select(id => host.Message(id)).ToArray();
        var receipts = Enumerable.Range(1, 2000).Select(id => host.Message(id, transactional: true)).ToArray();

        var first = await host.CheckAsync<ControlGroupCheck>([.. marketing, .. receipts]);
        var second = await host.CheckAsync<ControlGroupCheck>(marketing);

        var held = marketing.Where(m => first.For(m.Id) is { Verdict: SendVerdict.Suppress, Reason: ControlGroupCheck.Reason }).Select(m => m.ProfileId).ToList();
        Assert.Equal(marketing.Where(m => RandomBucket.Of(m.ProfileId, 31) < 10).Select(m => m.ProfileId), held);
        Assert.InRange(held.Count, 150, 250);
        Assert.Equal(held, marketing.Where(m => second.For(m.Id) is not null).Select(m => m.ProfileId));
        Assert.All(receipts, r => Assert.Null(first.For(r.Id)));
    }

    [Fact]
    public async Task ControlGroup_Off_HoldsNobody()
    {
        await using var host = await GuardrailHost.StartAsync("sqlite", new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));
        var message = host.Message(42);

        Assert.Null((await host.CheckAsync<ControlGroupCheck>(message)).For(message.Id));
    }
}
