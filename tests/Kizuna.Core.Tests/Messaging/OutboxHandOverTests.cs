using Dapper;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Messaging;

/// <summary>The hand-over to the channel when another node got there first, or when it is cut short.</summary>
public sealed class OutboxHandOverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_MessageAnotherNodeSentSinceItWasLoaded_IsNotSentAgain(string engine)
    {
        var finisher = new FinishedElsewhere();
        await using var host = await MessagingHost.StartAsync(engine, configure: s => s.AddSingleton<ISendCheck>(finisher));
        await StopWorkerAsync(host);
        await host.CustomerAsync("u-1", "hana@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");
        var queued = await host.SendAsync(template, "u-1");
        finisher.Database = host.Get<Database>();

        await SendClaimedAsync(host, host.Get<EmailChannel>());

        Assert.Empty(host.Peer.Accepted);
        Assert.Equal(OutboxState.Sent, (await host.Get<OutboxStore>().FindAsync(host.Ws, queued.Id, Ct))!.State);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_HandOverCutShort_KeepsTheAnswersAndLeavesOnlyTheRestInDoubt(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        await StopWorkerAsync(host);
        var profiles = new[] { await host.CustomerAsync("u-1", "hana@example.com"), await host.CustomerAsync("u-2", "yui@example.com") };
        var template = await host.TemplateAsync("<p>Hi</p>");
        var messages = new[] { await host.SendAsync(template, "u-1"), await host.SendAsync(template, "u-2") };

        await Assert.ThrowsAsync<IOException>(() => SendClaimedAsync(host, new FailsAfterFirst(host.Get<EmailChannel>())));

        // Whichever the channel took first was answered and is kept; the other stays in doubt, to go again.
        var answered = Array.FindIndex(messages, m => Assert.Single(host.Peer.Accepted).MessageId == $"kz.{host.Ws}.{m.Id}@example.com");
        var store = host.Get<OutboxStore>();
        Assert.Equal(OutboxState.Sent, (await store.FindAsync(host.Ws, messages[answered].Id, Ct))!.State);
        Assert.Equal(OutboxState.Sending, (await store.FindAsync(host.Ws, messages[1 - answered].Id, Ct))!.State);
        Assert.Contains(await host.Get<ProfileService>().TimelineAsync(host.Ws, profiles[answered], null, 10, Ct), e => e.Name == "Email Sent");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_BatchOfThreeParts_MarksEachPartOnlyAfterThePartBeforeIsSettled(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine, configure: s => s.Configure<MessagingOptions>(o => o.SendPartSize = 2));
        await StopWorkerAsync(host);
        var template = await host.TemplateAsync("<p>Hi</p>");
        for (var i = 0; i < 5; i++)
        {
            await host.CustomerAsync($"u-{i}", $"c{i}@example.com");
            await host.SendAsync(template, $"u-{i}");
        }

        var seen = new StatesSeen(host.Get<EmailChannel>(), host.Get<Database>());
        await SendClaimedAsync(host, seen);

        // Each hand-over sees its own part in doubt, every earlier part sent, every later one still queued: a crash
        // at any moment leaves at most one part to send again.
        Assert.Equal([2, 2, 1], seen.Parts.Select(p => p.Count(s => s == "sending")));
        Assert.Equal([0, 2, 4], seen.Parts.Select(p => p.Count(s => s == "sent")));
        Assert.Equal([3, 1, 0], seen.Parts.Select(p => p.Count(s => s == "queued")));
        Assert.Equal(5, host.Peer.Accepted.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_HandOverTakingAMinute_IsSentWhenTheHandOverBegan(string engine)
    {
        // A customer who opens, clicks and orders while the rest of the part is still on the wire finds the message
        // sent before the order, so the order is the message's conversion.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await using var host = await MessagingHost.StartAsync(engine, configure: s => s.AddSingleton<TimeProvider>(clock));
        await StopWorkerAsync(host);
        await host.CustomerAsync("u-1", "hana@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");
        var queued = await host.SendAsync(template, "u-1");
        var began = clock.GetUtcNow();

        await SendClaimedAsync(host, new TakesAMinute(host.Get<EmailChannel>(), clock));

        var sent = (await host.Get<OutboxStore>().FindAsync(host.Ws, queued.Id, Ct))!;
        Assert.Equal((OutboxState.Sent, began), (sent.State, sent.SentAt));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_TwoMessagesForOneProfileInTwoParts_CountsTheFirstPartAgainstTheFrequencyCap(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine, configure: s => s.Configure<MessagingOptions>(o => o.SendPartSize = 1));
        await StopWorkerAsync(host);
        await host.Get<MessagingSettingsStore>().SaveAsync(host.Ws, new MessagingSettings { FrequencyCaps = [new FrequencyCap("email", 1, "P1D")] }, Ct);
        await host.CustomerAsync("u-1", "hana@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");
        var messages = new List<OutboxMessage>();
        foreach (var key in new[] { "first", "second" })
        {
            var marketing = new TransactionalSend(template.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-1"), IdempotencyKey: key, Transactional: false);
            messages.Add((await host.Get<MessageService>().SendAsync(host.Ws, marketing, Ct)).Message!);
        }

        await SendClaimedAsync(host, host.Get<EmailChannel>());

        // The second part is checked while the first is still on the wire, before its outcome is in the outbox.
        Assert.Single(host.Peer.Accepted);
        var store = host.Get<OutboxStore>();
        Assert.Equal(
            [OutboxState.Sent, OutboxState.Suppressed],
            [(await store.FindAsync(host.Ws, messages[0].Id, Ct))!.State, (await store.FindAsync(host.Ws, messages[1].Id, Ct))!.State]);
    }

    /// <summary>Sends by hand only: the node's worker no longer takes the jobs, ingestion still runs.</summary>
    private static Task StopWorkerAsync(MessagingHost host) =>
        host.Core.Services.GetServices<IHostedService>().OfType<JobWorker>().Single().StopAsync(Ct);

    private static async Task SendClaimedAsync(MessagingHost host, IChannelAdapter adapter)
    {
        var claimed = await host.Get<JobQueue>().ClaimAsync("email", 10, TimeSpan.FromMinutes(1), Ct);
        Assert.NotEmpty(claimed);
        await host.Get<OutboxSender>().SendAsync(host.Get<EmailComposer>(), adapter, claimed, new JobOutcomes(), Ct);
    }

    /// <summary>Another node finishing the messages after this one loaded them, before it marks them.</summary>
    private sealed class FinishedElsewhere : ISendCheck
    {
        public Database? Database { get; set; }

        public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
        {
            if (Database is { } database)
            {
                await using var connection = await database.OpenAsync(ct);
                await connection.ExecuteAsync("UPDATE messages SET state = 'sent'");
            }
        }
    }

    /// <summary>The real channel, noting the states of all messages at each hand-over.</summary>
    private sealed class StatesSeen(EmailChannel inner, Database database) : IChannelAdapter
    {
        public List<List<string>> Parts { get; } = [];

        public MessageChannel Channel => MessageChannel.Email;

        public async Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
        {
            await using (var connection = await database.OpenAsync(ct))
            {
                Parts.Add([.. await connection.QueryAsync<string>(new CommandDefinition("SELECT state FROM messages", cancellationToken: ct))]);
            }

            await inner.SendAsync(batch, results, ct);
        }
    }

    /// <summary>The real channel on a slow line: the part's hand-over ends a minute after it began.</summary>
    private sealed class TakesAMinute(EmailChannel inner, FakeTimeProvider clock) : IChannelAdapter
    {
        public MessageChannel Channel => MessageChannel.Email;

        public async Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
        {
            await inner.SendAsync(batch, results, ct);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>The real channel for the batch's first message, then a connection lost beyond recovery.</summary>
    private sealed class FailsAfterFirst(EmailChannel inner) : IChannelAdapter
    {
        public MessageChannel Channel => MessageChannel.Email;

        public async Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
        {
            await inner.SendAsync([batch[0]], results, ct);
            throw new IOException("The process is stopping.");
        }
    }
}
