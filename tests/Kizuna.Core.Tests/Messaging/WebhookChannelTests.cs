using System.Text.Json;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace Kizuna.Messaging;

public sealed class WebhookChannelTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static Task<ChannelHost> StartAsync(string engine, bool allowPrivate = true) =>
        ChannelHost.StartAsync(engine, services => services.Configure<WebhookOptions>(o => o.AllowPrivateNetworks = allowPrivate));

    private static ChannelFields Post(HttpPeer peer) => new(Method: "POST", Url: peer.BaseUrl + "/hooks/{{ customer.user_id }}", Headers: new Dictionary<string, string> { ["X-Shop"] = "{{ data.shop }}" });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_Template_ArrivesSignedByStandardWebhooksWithItsJsonBody(string engine)
    {
        await using var host = await StartAsync(engine);
        await host.CustomerAsync("w-1", new { first_name = "Hana" });
        var template = await host.TemplateAsync(MessageChannel.Webhook, """{"name": {{ customer.first_name | json }}, "order": "{{ data.order }}"}""", fields: Post(host.Peer));

        var queued = (await host.SendAsync(template, "w-1", data: new { order = "1001", shop = "tokyo" })).Message!;
        await host.WaitForAsync(queued.Id, OutboxState.Sent);

        var request = Assert.Single(host.Peer.Requests);
        Assert.Equal(("POST", "/hooks/w-1"), (request.Method, request.Path));
        Assert.Equal("tokyo", request.Headers["X-Shop"]);
        Assert.Equal($"kz-{host.Ws}-{queued.Id}", request.Headers["webhook-id"]);
        Assert.Equal("Hana", JsonDocument.Parse(request.Body).RootElement.GetProperty("name").GetString());
        var headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        new StandardWebhook(Secret).Verify(request.Body, headers);   // throws when the signature is not the scheme's
        headers["webhook-signature"] = "v1,AAAA" + request.Headers["webhook-signature"][7..];
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(Secret).Verify(request.Body, headers));
    }

    [Fact]
    public async Task Send_ReceiverFailsForNow_RetriedWithTheSameWebhookId()
    {
        await using var host = await StartAsync("sqlite");
        host.Peer.Answer = (_, attempt) => attempt < 3 ? (502, "") : (204, "");
        await host.CustomerAsync("w-2", new { first_name = "Ken" });
        var template = await host.TemplateAsync(MessageChannel.Webhook, """{"a": 1}""", fields: Post(host.Peer));

        var queued = (await host.SendAsync(template, "w-2")).Message!;
        var sent = await host.WaitForAsync(queued.Id, OutboxState.Sent);

        Assert.Equal(3, sent.Attempts);
        Assert.Equal(3, host.Peer.Requests.Count);
        Assert.Single(host.Peer.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task Send_ReceiverRefuses4xx_FailsWithoutRetry()
    {
        await using var host = await StartAsync("sqlite");
        host.Peer.Answer = (_, _) => (422, "");
        await host.CustomerAsync("w-3", new { first_name = "Aki" });
        var template = await host.TemplateAsync(MessageChannel.Webhook, """{"a": 1}""", fields: Post(host.Peer));

        var queued = (await host.SendAsync(template, "w-3")).Message!;
        var failed = await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Equal("127.0.0.1 answered 422.", failed.LastError);
        Assert.Single(host.Peer.Requests);
    }

    [Fact]
    public async Task Send_LoopbackTargetTheWorkspaceMayNotReach_RefusedByTheGuard()
    {
        await using var host = await StartAsync("sqlite", allowPrivate: false);
        await host.CustomerAsync("w-4", new { first_name = "Mika" });
        var template = await host.TemplateAsync(MessageChannel.Webhook, """{"a": 1}""", fields: Post(host.Peer));

        var queued = (await host.SendAsync(template, "w-4")).Message!;
        var failed = await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Contains("private or loopback address", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(host.Peer.Requests);
    }

    [Fact]
    public async Task Send_BodyThatIsNotJson_FailsNamingTheField()
    {
        await using var host = await StartAsync("sqlite");
        await host.CustomerAsync("w-5", new { first_name = "Yui" });
        var template = await host.TemplateAsync(MessageChannel.Webhook, """{"name": {{ customer.first_name }}}""", fields: Post(host.Peer));

        var queued = (await host.SendAsync(template, "w-5")).Message!;
        var failed = await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Contains("body: the rendered body is not JSON", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(host.Peer.Requests);
    }

    [Fact]
    public void Sign_SpecExample_MatchesTheReferenceSignature()
    {
        // The Standard Webhooks reference vector.
        var signer = WebhookSigner.FromSecret(Secret, out _)!;
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            signer.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), """{"test": 2432232314}"""));
    }
}
