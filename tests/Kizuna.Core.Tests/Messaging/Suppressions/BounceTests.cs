using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Messaging.Suppressions;

/// <summary>Hard bounces at send time feed the suppression list, through a real SMTP server on loopback.</summary>
public sealed class BounceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_RecipientRefused550_ListsTheAddressRecordsEmailBouncedAndSuppressesTheNextTransactional(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        host.Peer.RecipientAnswer = address => address == "gone@example.com" ? 550 : 250;
        var profile = await host.CustomerAsync("u-b1", "Gone@Example.com");
        var template = await host.TemplateAsync("<p>Your receipt</p>");

        var first = await host.SendAsync(template, "u-b1", key: "receipt-1");
        var failed = await host.WaitForAsync(first.Id, OutboxState.Failed);

        Assert.StartsWith("550", failed.LastError);
        var entry = await host.Get<SuppressionStore>().FindAsync(host.Ws, MessageChannel.Email, "gone@example.com", Ct);
        Assert.Equal((SuppressionReasons.Bounce, profile, first.Id, "550"), (entry!.Reason, entry.ProfileId, entry.MessageId, entry.Detail));
        var bounced = Assert.Single(await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 20, Ct), e => e.Name == "Email Bounced");
        Assert.Equal(("hard", 550, first.Id, template.Id), (
            bounced.Properties!["bounce_type"]!.GetValue<string>(), bounced.Properties["status_code"]!.GetValue<int>(),
            bounced.Properties["message_id"]!.GetValue<long>(), bounced.Properties["template_id"]!.GetValue<long>()));
        Assert.DoesNotContain("gone@", bounced.Properties.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Transactional messages pass marketing consent, never the suppression list.
        var second = await host.SendAsync(template, "u-b1", key: "receipt-2");
        await host.WaitForAsync(second.Id, OutboxState.Suppressed);
        var history = await host.Get<OutboxStore>().HistoryAsync(host.Ws, second.Id, Ct);
        Assert.Equal("The address is on the suppression list (bounce).", history.Single(h => h.State == OutboxState.Suppressed).Detail);
        Assert.Empty(host.Peer.Accepted);
    }

    [Fact]
    public async Task Send_MessageRefused554AtData_IsAHardBounceToo()
    {
        await using var host = await MessagingHost.StartAsync("sqlite");
        host.Peer.Answer = (_, _) => 554;
        await host.CustomerAsync("u-b2", "full@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");

        var queued = await host.SendAsync(template, "u-b2");
        await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Equal("554", (await host.Get<SuppressionStore>().FindAsync(host.Ws, MessageChannel.Email, "full@example.com", Ct))!.Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_RecipientRefused450_IsRetriedAndNeverListed(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        var tries = 0;
        host.Peer.RecipientAnswer = _ => Interlocked.Increment(ref tries) < 3 ? 450 : 250;
        var profile = await host.CustomerAsync("u-b3", "busy@example.com");
        var template = await host.TemplateAsync("<p>Hi</p>");

        var queued = await host.SendAsync(template, "u-b3");
        var sent = await host.WaitForAsync(queued.Id, OutboxState.Sent);

        Assert.Equal(3, sent.Attempts);
        Assert.Null(await host.Get<SuppressionStore>().FindAsync(host.Ws, MessageChannel.Email, "busy@example.com", Ct));
        Assert.DoesNotContain(await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 20, Ct), e => e.Name == "Email Bounced");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Erase_ProfileWithListedAddresses_TakesThePlainAddressesOffTheList(string engine)
    {
        await using var host = await MessagingHost.StartAsync(engine);
        var service = host.Get<SuppressionService>();
        var store = host.Get<SuppressionStore>();
        // Listed before any profile had it, so the entry names no profile: erasure finds it by address.
        await service.AddAsync(host.Ws, [new SuppressionRequest(MessageChannel.Email, "ren@example.com", SuppressionReasons.Manual, null)], Ct);
        var profile = await host.CustomerAsync("u-b4", "ren@example.com");
        var other = await host.CustomerAsync("u-b5", "kai@example.com");
        await service.AddAsync(host.Ws, [new SuppressionRequest(MessageChannel.Email, "kai@example.com", SuppressionReasons.Complaint, null)], Ct);

        Assert.Equal(0, (await store.FindAsync(host.Ws, MessageChannel.Email, "ren@example.com", Ct))!.ProfileId);
        Assert.True(await host.Get<PrivacyService>().EraseAsync(host.Ws, profile, suppress: true, Ct));
        Assert.True(await host.Get<PrivacyService>().EraseAsync(host.Ws, other, suppress: false, Ct));

        Assert.Empty(await store.ListAsync(host.Ws, new SuppressionFilter(null, null, null, null, 10), Ct));
    }

    [Fact]
    public async Task Send_TextToAListedNumber_IsSuppressedWhateverWayTheNumberWasWritten()
    {
        await using var host = await ChannelHost.StartAsync("sqlite");
        host.Peer.Answer = (_, _) => (201, """{"sid":"SM9"}""");
        await host.CustomerAsync("s-b1", new { phone = "090-1234-5678" });
        var template = await host.TemplateAsync(MessageChannel.Sms, "Your code is 1234");
        var number = SuppressionAddresses.Normalise(MessageChannel.Sms, "+81 90 1234 5678", "JP", out _);
        await host.Get<SuppressionService>().AddAsync(host.Ws, [new SuppressionRequest(MessageChannel.Sms, number!, SuppressionReasons.Manual, null)], Ct);

        var queued = (await host.SendAsync(template, "s-b1")).Message!;
        await host.WaitForAsync(queued.Id, OutboxState.Suppressed);

        Assert.Empty(host.Peer.Requests);
    }
}
