using Kizuna.Ingestion;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Messaging.Consent;

public sealed class ConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Check_RefusesMarketingToWhoeverSaidNo_AndLetsReceiptsThrough(string engine)
    {
        await using var host = await GuardrailHost.StartAsync(engine, Now);
        var groups = host.Host.Get<SubscriptionGroupStore>();
        var weekly = (await groups.CreateAsync(host.Ws, new SubscriptionGroupDraft("weekly", MessageChannel.Email, "Weekly"), Ct))!;
        var vip = (await groups.CreateAsync(host.Ws, new SubscriptionGroupDraft("vip", MessageChannel.Email, "VIP offers", OptIn: true), Ct))!;
        var said = await host.CustomerAsync("u-1", new { email = "no@example.com" });
        var silent = await host.CustomerAsync("u-2", new { email = "yes@example.com" });
        await host.Host.Get<ConsentService>().ApplyAsync(host.Ws, said, [new ConsentChange(MessageChannel.Email, null, SubscriptionState.Unsubscribed, "api", Now)], Ct);
        var messages = new[]
        {
            host.Message(said), host.Message(said, transactional: true), host.Message(silent),
            host.Message(silent) with { SubscriptionGroupId = weekly.Id }, host.Message(silent) with { SubscriptionGroupId = vip.Id },
        };

        var decisions = await host.CheckAsync<ConsentCheck>(messages);

        Assert.Equal(
            ["No consent: the recipient unsubscribed from email.", null, null, null, "No consent: the recipient is not subscribed to the subscription group 'vip'."],
            messages.Select(m => decisions.For(m.Id)?.Reason));
        Assert.All(messages, m => Assert.NotEqual(SendVerdict.Defer, decisions.For(m.Id)?.Verdict));
    }

    [Fact]
    public async Task Check_OptInChannelAndReceiptsUnderConsent_FollowTheSettings()
    {
        await using var host = await GuardrailHost.StartAsync("sqlite", Now);
        await host.SettingsAsync(new MessagingSettings { Consent = new ConsentSettings { OptInChannels = ["email"], TransactionalBypassesConsent = false } });
        var silent = await host.CustomerAsync("u-1", new { email = "a@example.com" });
        var optedIn = await host.CustomerAsync("u-2", new { email = "b@example.com" });
        await host.Host.Get<ConsentService>().ApplyAsync(host.Ws, optedIn, [new ConsentChange(MessageChannel.Email, null, SubscriptionState.OptedIn, "api", Now)], Ct);
        var (toSilent, receiptToSilent, toOptedIn) = (host.Message(silent), host.Message(silent, transactional: true), host.Message(optedIn));

        var decisions = await host.CheckAsync<ConsentCheck>(toSilent, receiptToSilent, toOptedIn);

        Assert.Equal("No consent: email needs an explicit opt-in, which the recipient has not given.", decisions.For(toSilent.Id)!.Reason);
        Assert.NotNull(decisions.For(receiptToSilent.Id));
        Assert.Null(decisions.For(toOptedIn.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Answers_OlderThanTheStoredOne_ChangeNothing_AndAMergeKeepsTheStricterAnswer(string engine)
    {
        await using var host = await GuardrailHost.StartAsync(engine, Now);
        var consent = host.Host.Get<ConsentService>();
        var known = await host.CustomerAsync("u-9", new { email = "k@example.com" });
        await host.Host.Get<IngestionPipeline>().SubmitAsync(new IngestBatch(host.Ws, [Ingestion.Messages.Identify(null, "anon-9", """{"plan":"free"}""")]), Ct);
        var anonymous = (await host.Host.Get<ProfileService>().ResolveAsync(host.Ws, new ProfileLookup(ProfileLookupKind.AnonymousId, "anon-9"), Ct))!.Value;

        var newer = await consent.ApplyAsync(host.Ws, known, [new ConsentChange(MessageChannel.Email, null, SubscriptionState.OptedIn, "api", Now)], Ct);
        var older = await consent.ApplyAsync(host.Ws, known, [new ConsentChange(MessageChannel.Email, null, SubscriptionState.Unsubscribed, "identify", Now.AddHours(-1))], Ct);
        await consent.ApplyAsync(host.Ws, anonymous, [new ConsentChange(MessageChannel.Email, null, SubscriptionState.Unsubscribed, "one_click", Now)], Ct);
        await host.Host.Get<IngestionPipeline>().SubmitAsync(new IngestBatch(host.Ws, [Ingestion.Messages.Alias("u-9", "anon-9")]), Ct);

        Assert.Single(newer.Applied);
        Assert.Empty(older.Applied);
        var survivor = (await host.Host.Get<ProfileService>().ResolveAsync(host.Ws, new ProfileLookup(ProfileLookupKind.UserId, "u-9"), Ct))!.Value;
        var email = (await consent.ReadAsync(host.Ws, survivor, Ct)).Channels.Single(c => c.Channel == MessageChannel.Email);
        Assert.Equal((SubscriptionState.Unsubscribed, false), (email.State, email.ReceivesMarketing));
    }

    [Fact]
    public void Traits_InEveryKnownShape_AreRead()
    {
        var at = Now;

        var changes = ConsentTraits.Parse(
            """{"email_subscribe":"opted_in","push_subscribe":"unsubscribed","unsubscribed":true,"subscription_groups":{"weekly":false,"vip":"subscribed"},"cio_subscription_preferences":{"topics":{"news":true}},"name":"Hana"}""",
            at);

        Assert.Equal(
            [(MessageChannel.Email, null, SubscriptionState.OptedIn), (MessageChannel.Push, null, SubscriptionState.Unsubscribed),
             (MessageChannel.Email, "weekly", SubscriptionState.Unsubscribed), (MessageChannel.Email, "vip", SubscriptionState.Subscribed),
             (MessageChannel.Email, "news", SubscriptionState.Subscribed)],
            changes.Select(c => (c.Channel, c.GroupKey, c.State)));
        Assert.Empty(ConsentTraits.Parse("""{"email":"a@example.com","plan":"gold"}""", at));
        Assert.Empty(ConsentTraits.Parse("""{"email_subscribe":"whenever"}""", at));
    }

    [Fact]
    public void Traits_YesAndNoWrittenAsText_AreRead()
    {
        var changes = ConsentTraits.Parse("""{"sms_subscribe":"yes","unsubscribed":"true","subscription_groups":{"weekly":"0"}}""", Now, "import");

        Assert.Equal(
            [(MessageChannel.Sms, null, SubscriptionState.Subscribed, "import"), (MessageChannel.Email, null, SubscriptionState.Unsubscribed, "import"),
             (MessageChannel.Email, "weekly", SubscriptionState.Unsubscribed, "import")],
            changes.Select(c => (c.Channel, c.GroupKey, c.State, c.Source)));
    }

    [Fact]
    public void Refusal_OfAMessageWithoutConsentData_IsNull()
    {
        var message = new OutboxMessage(1, 1, 1, MessageChannel.Email, "api", "k", 1, 1, "a@example.com", null, false, OutboxState.Queued, 0, null, null, Now, Now, null);

        Assert.Null(ConsentCheck.Refusal(message, new ConsentSettings(), [], []));
    }
}
