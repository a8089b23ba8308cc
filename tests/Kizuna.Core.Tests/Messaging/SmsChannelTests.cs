using System.Text;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Messaging;

public sealed class SmsChannelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_ToAProfilesPhone_PostsTwilioFormInE164WithItsIdempotencyKey(string engine)
    {
        await using var host = await ChannelHost.StartAsync(engine);
        host.Peer.Answer = (_, _) => (201, """{"sid":"SM1","status":"queued"}""");
        var profile = await host.CustomerAsync("s-1", new { phone = "090-1234-5678", first_name = "Hana" });
        var template = await host.TemplateAsync(MessageChannel.Sms, "{{ customer.first_name }}さん、ご注文 {{ data.order }} を発送しました");

        var queued = (await host.SendAsync(template, "s-1", data: new { order = "1001" })).Message!;
        await host.WaitForAsync(queued.Id, OutboxState.Sent);

        var request = Assert.Single(host.Peer.Requests);
        Assert.Equal(("POST", "/2010-04-01/Accounts/AC123/Messages.json"), (request.Method, request.Path));
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:secret-token"))}", request.Headers["Authorization"]);
        Assert.Equal($"kz-{host.Ws}-{queued.Id}", request.Headers["Idempotency-Key"]);
        var form = request.Form();
        Assert.Equal("+819012345678", form["To"]);
        Assert.Equal("+15005550006", form["From"]);
        Assert.Equal("Hanaさん、ご注文 1001 を発送しました", form["Body"]);
        Assert.Equal($"https://mail.example.com/hooks/sms/status?id=kz-{host.Ws}-{queued.Id}", form["StatusCallback"]);
        var timeline = await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 10, Ct);
        Assert.Contains(timeline, e => e.Name == "SMS Sent");
    }

    [Fact]
    public async Task Send_ProviderFailsForNow_ResentWithTheSameIdempotencyKey()
    {
        await using var host = await ChannelHost.StartAsync("sqlite");
        host.Peer.Answer = (_, attempt) => attempt < 3 ? (503, "{}") : (201, """{"sid":"SM2"}""");
        await host.CustomerAsync("s-2", new { phone = "+81 90 1111 2222" });
        var template = await host.TemplateAsync(MessageChannel.Sms, "Hi");

        var queued = (await host.SendAsync(template, "s-2")).Message!;
        var sent = await host.WaitForAsync(queued.Id, OutboxState.Sent);

        Assert.Equal(3, sent.Attempts);
        Assert.Equal([$"kz-{host.Ws}-{queued.Id}"], host.Peer.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        Assert.Equal(3, host.Peer.Requests.Count);
    }

    [Fact]
    public async Task Send_ProviderRefusesTheNumber_FailsAtOnceWithItsCode()
    {
        await using var host = await ChannelHost.StartAsync("sqlite");
        host.Peer.Answer = (_, _) => (400, """{"code":21211,"message":"Invalid 'To' Phone Number","status":400}""");
        await host.CustomerAsync("s-3", new { phone = "+819011112222" });
        var template = await host.TemplateAsync(MessageChannel.Sms, "Hi");

        var queued = (await host.SendAsync(template, "s-3")).Message!;
        var failed = await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Equal("400 (code 21211) Invalid 'To' Phone Number", failed.LastError);
        Assert.Single(host.Peer.Requests);
    }

    [Theory]
    [InlineData("12", "to")]
    [InlineData("03-1234-5678", "to")]   // a Tokyo landline cannot take a text
    public async Task Send_NumberThatCannotTakeAText_RefusedWithTheField(string phone, string field)
    {
        await using var host = await ChannelHost.StartAsync("sqlite");
        await host.CustomerAsync("s-4", new { phone });
        var template = await host.TemplateAsync(MessageChannel.Sms, "Hi");

        var result = await host.SendAsync(template, "s-4");

        Assert.Null(result.Message);
        Assert.Equal(field, result.Field);
        Assert.Empty(host.Peer.Requests);
    }

    [Fact]
    public async Task Send_BadNumberQueuedByAnotherSource_SkippedWithTheReason()
    {
        await using var host = await ChannelHost.StartAsync("sqlite");
        var profile = await host.CustomerAsync("s-5", new { phone = "x" });
        var template = await host.TemplateAsync(MessageChannel.Sms, "Hi");

        var queued = (await host.Get<OutboxStore>().QueueAsync([new NewMessage(host.Ws, profile, MessageChannel.Sms, "campaign:1", "campaign:1:s-5", template.Id, template.Version, "not a number")], Ct))[0];
        await host.WaitForAsync(queued.Id, OutboxState.Suppressed);

        Assert.Contains(await host.HistoryAsync(queued.Id), h => h.State == OutboxState.Suppressed && h.Detail!.StartsWith("The phone number", StringComparison.Ordinal));
        Assert.Empty(host.Peer.Requests);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Receipt_Delivered_MarksTheMessageAndRecordsSmsDeliveredOnce(string engine)
    {
        await using var host = await ChannelHost.StartAsync(engine);
        host.Peer.Answer = (_, _) => (201, """{"sid":"SM3"}""");
        var profile = await host.CustomerAsync("s-6", new { phone = "+819033334444" });
        var template = await host.TemplateAsync(MessageChannel.Sms, "Hi");
        var queued = (await host.SendAsync(template, "s-6")).Message!;
        await host.WaitForAsync(queued.Id, OutboxState.Sent);

        var receipts = host.Get<DeliveryReceipts>();
        Assert.True(await receipts.ApplyAsync(host.Ws, queued.Id, MessageChannel.Sms, delivered: true, null, Ct));
        Assert.True(await receipts.ApplyAsync(host.Ws, queued.Id, MessageChannel.Sms, delivered: true, null, Ct));
        Assert.False(await receipts.ApplyAsync(host.Ws + 1, queued.Id, MessageChannel.Sms, delivered: true, null, Ct));

        Assert.Equal(OutboxState.Delivered, (await host.Get<OutboxStore>().FindAsync(host.Ws, queued.Id, Ct))!.State);
        Assert.Single(await host.HistoryAsync(queued.Id), h => h.State == OutboxState.Delivered);
        var timeline = await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 10, Ct);
        Assert.Single(timeline, e => e.Name == "SMS Delivered");
    }

    [Theory]
    [InlineData("+81 90-1234-5678", "US", "+819012345678")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("09012345678", "JP", "+819012345678")]
    public void Normalise_NumbersAsWritten_GiveE164(string raw, string region, string expected) =>
        Assert.Equal(expected, E164.Normalise(raw, region, out _));

    [Fact]
    public void Signature_TwilioExample_Matches() =>
        // Twilio's documented example (auth token 12345).
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
        [
            new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"), new("From", "+12349013030"), new("To", "+18005551212"),
        ]));

    [Fact]
    public async Task ConnectionTest_FetchesTheAccountWithTheSendsCredentials_AndReportsARefusal()
    {
        await using var host = await ChannelHost.StartAsync("sqlite");
        var good = $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:secret-token"))}";
        host.Peer.Answer = (request, _) => request.Headers["Authorization"] == good ? (200, """{"sid":"AC123","status":"active"}""") : (401, """{"code":20003}""");
        await using var wrong = await ChannelHost.StartAsync("sqlite", s => s.Configure<SmsOptions>(o => o.AuthToken = "stale-token"));
        wrong.Peer.Answer = host.Peer.Answer;

        var accepted = await host.Get<ChannelChecks.SmsConnectionTest>().RunAsync(Ct);
        var refused = await wrong.Get<ChannelChecks.SmsConnectionTest>().RunAsync(Ct);

        Assert.Equal((true, "The provider accepted the account's credentials.", "127.0.0.1", host.Peer.Port), (accepted.Ok, accepted.Detail, accepted.Host, accepted.Port));
        Assert.Equal((false, "The provider refused the account's credentials (401)."), (refused.Ok, refused.Detail));
        var request = Assert.Single(host.Peer.Requests);
        Assert.Equal(("GET", "/2010-04-01/Accounts/AC123.json"), (request.Method, request.Path));   // nothing sent
    }
}
