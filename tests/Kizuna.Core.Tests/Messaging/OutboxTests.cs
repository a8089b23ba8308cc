using Dapper;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging;

public sealed class OutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_ToAProfile_ArrivesOnceWithItsMessageIdAndRecordsEmailSent(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        var profile = await host.CustomerAsync("u-1", "hana@example.com");
        var template = await host.TemplateAsync("<p>Order {{ data.order }} for {{ customer.first_name }}</p>");

        var queued = await host.SendAsync(template, "u-1", key: "order-1001", data: new { order = "1001" });
        var sent = await host.WaitForAsync(queued.Id, OutboxState.Sent);

        var mail = Assert.Single(host.Peer.Accepted);
        Assert.Equal($"kz.{host.Ws}.{queued.Id}@example.com", mail.MessageId);
        Assert.Equal("Hello Hana", mail.Subject);
        Assert.Contains("Order 1001 for Hana", mail.HtmlBody);
        Assert.Equal((profile, 1), (sent.ProfileId, sent.Attempts));
        Assert.Equal(
            [OutboxState.Queued, OutboxState.Sending, OutboxState.Sent],
            (await host.Get<OutboxStore>().HistoryAsync(host.Ws, queued.Id, Ct)).Select(h => h.State));
        var timeline = await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 10, Ct);
        Assert.Contains(timeline, e => e.Name == "Email Sent");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_SameKeyTwice_QueuesOneMessageAndOneJob(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        await host.CustomerAsync("u-2", "ken@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");

        var first = await host.SendAsync(template, "u-2", key: "welcome");
        var second = await host.SendAsync(template, "u-2", key: "welcome");
        await host.WaitForAsync(first.Id, OutboxState.Sent);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(host.Peer.Accepted);
        Assert.Equal(1, await host.Core.CountAsync("SELECT count(*) FROM jobs WHERE queue = 'email' AND workspace_id = @ws"));
    }

    [Fact]
    public async Task Send_TransientRefusals_AreRetriedThenSent()
    {
        await using var host = await MessagingHost.StartAsync("sqlite");
        host.Peer.Answer = (_, attempt) => attempt < 3 ? 451 : 250;
        await host.CustomerAsync("u-3", "mika@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");

        var queued = await host.SendAsync(template, "u-3");
        var sent = await host.WaitForAsync(queued.Id, OutboxState.Sent);

        Assert.Equal(3, sent.Attempts);
        var history = await host.Get<OutboxStore>().HistoryAsync(host.Ws, queued.Id, Ct);
        Assert.Equal(2, history.Count(h => h.State == OutboxState.Deferred && h.Detail!.StartsWith("451", StringComparison.Ordinal)));
        Assert.Single(host.Peer.Accepted);
    }

    [Fact]
    public async Task Send_PermanentRefusal_FailsAtOnceWithoutRetry()
    {
        await using var host = await MessagingHost.StartAsync("sqlite");
        host.Peer.Answer = (_, _) => 550;
        await host.CustomerAsync("u-4", "gone@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");

        var queued = await host.SendAsync(template, "u-4");
        var failed = await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("550", failed.LastError);
        Assert.Single(await host.DeadJobsWithAsync(queued.Id));
    }

    [Fact]
    public async Task Send_TransientEveryTime_IsDeadAfterTheLastAttemptAndVisible()
    {
        await using var host = await MessagingHost.StartAsync("sqlite", maxAttempts: 3);
        host.Peer.Answer = (_, _) => 421;
        await host.CustomerAsync("u-5", "busy@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");

        var queued = await host.SendAsync(template, "u-5");
        var dead = await host.WaitForAsync(queued.Id, OutboxState.Dead);

        Assert.Equal(3, dead.Attempts);
        Assert.Contains(await host.DeadJobsWithAsync(queued.Id), j => j.Key == $"message:{queued.Id}");
        Assert.Empty(host.Peer.Accepted);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_ToAnErasedAndSuppressedPerson_IsSuppressed(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        var profile = await host.CustomerAsync("u-6", "erased@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");
        await host.Get<PrivacyService>().EraseAsync(host.Ws, profile, suppress: true, Ct);

        // The address alone, with no profile left: the suppression list still knows it.
        var result = await host.Get<MessageService>().SendAsync(host.Ws, new TransactionalSend(template.Id, new ProfileLookup(ProfileLookupKind.Email, "Erased@example.com ")), Ct);
        var suppressed = await host.WaitForAsync(result.Message!.Id, OutboxState.Suppressed);

        Assert.Equal("The recipient is on the suppression list.", suppressed.LastError ?? (await host.Get<OutboxStore>().HistoryAsync(host.Ws, suppressed.Id, Ct))[^1].Detail);
        Assert.Empty(host.Peer.Accepted);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_QueuedThenProfileErased_IsSuppressedNotSent(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        var profile = await host.CustomerAsync("u-7", "later@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");
        await host.Core.StopAsync();   // nothing sends while the profile is erased
        var queued = await host.SendAsync(template, "u-7");

        await host.Get<PrivacyService>().EraseAsync(host.Ws, profile, suppress: false, Ct);
        await SendClaimedAsync(host);

        var row = (await host.Get<OutboxStore>().FindAsync(host.Ws, queued.Id, Ct))!;
        Assert.Equal((0L, (string?)null, (string?)null, OutboxState.Suppressed), (row.ProfileId, row.Recipient, row.Data, row.State));
        Assert.Empty(host.Peer.Accepted);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_BatchInDoubtAfterACrash_IsSentAgainWithTheSameMessageId(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        var template = await host.TemplateAsync("<p>Hi</p>", subject: "Hi");
        await host.Core.StopAsync();
        var queued = (await host.Get<MessageService>().SendAsync(host.Ws, new TransactionalSend(template.Id, new ProfileLookup(ProfileLookupKind.Email, "doubt@example.com")), Ct)).Message!;
        // What a node that died mid-send leaves: the message marked sending, its job leased by the dead node.
        await using (var connection = await host.Get<Database>().OpenAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE messages SET state = 'sending' WHERE id = @id", new { id = queued.Id });
        }

        Assert.Single(await host.Get<JobQueue>().ClaimAsync("email", 10, TimeSpan.FromMilliseconds(1), Ct));
        await Task.Delay(5, Ct);   // the dead node's lease runs out
        await SendClaimedAsync(host);

        var sent = (await host.Get<OutboxStore>().FindAsync(host.Ws, queued.Id, Ct))!;
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal($"kz.{host.Ws}.{queued.Id}@example.com", Assert.Single(host.Peer.Accepted).MessageId);
        Assert.Contains(await host.Get<OutboxStore>().HistoryAsync(host.Ws, queued.Id, Ct), h => h.Detail == "Sent again: the previous try was interrupted.");
    }

    /// <summary>Claims the email queue's due jobs and sends them here, as a node's worker would.</summary>
    private static async Task SendClaimedAsync(MessagingHost host)
    {
        var claimed = await host.Get<JobQueue>().ClaimAsync("email", 10, TimeSpan.FromMinutes(1), Ct);
        Assert.NotEmpty(claimed);
        await host.Get<OutboxSender>().SendAsync(host.Get<Channels.Email.EmailComposer>(), host.Get<Channels.Email.EmailChannel>(), claimed, new JobOutcomes(), Ct);
    }
}
