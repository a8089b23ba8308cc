using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Messaging;

public sealed class PushChannelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ChannelHost Host, RSA Key)> StartAsync(string engine)
    {
        var key = RSA.Create(2048);
        ChannelHost? started = null;
        started = await ChannelHost.StartAsync(engine, services => services.Configure<PushOptions>(o =>
        {
            o.Endpoint = started!.Peer.BaseUrl;
            o.ServiceAccountJson = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["project_id"] = "shop-app",
                ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
                ["client_email"] = "kizuna@shop-app.iam.gserviceaccount.com",
                ["token_uri"] = started.Peer.BaseUrl + "/token",
            });
        }));
        return (started, key);
    }

    /// <summary>Answers as Google's token URI (checking the assertion's RS256 signature and claims) and as FCM v1.</summary>
    private static (int, string) Fcm(PeerRequest request, RSA key, string peerUrl, ISet<string> unregistered)
    {
        if (request.Path == "/token")
        {
            var form = request.Form();
            var parts = form["assertion"].Split('.');
            var valid = form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
                && key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var claims = JsonNode.Parse(Base64Url(parts[1]))!;
            valid &= (string?)claims["aud"] == peerUrl + "/token" && (string?)claims["scope"] == AccessTokens.Scope && (string?)claims["iss"] == "kizuna@shop-app.iam.gserviceaccount.com";
            return valid ? (200, """{"access_token":"ya29.test","expires_in":3599,"token_type":"Bearer"}""") : (400, """{"error":"invalid_grant"}""");
        }

        if (request.Path != "/v1/projects/shop-app/messages:send" || request.Headers["Authorization"] != "Bearer ya29.test")
        {
            return (401, """{"error":{"code":401,"status":"UNAUTHENTICATED"}}""");
        }

        var token = (string)JsonNode.Parse(request.Body)!["message"]!["token"]!;
        return unregistered.Contains(token)
            ? (404, """{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}""")
            : (200, """{"name":"projects/shop-app/messages/1"}""");
    }

    private static byte[] Base64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Send_ToAProfilesDevices_FcmV1WithServiceAccountTokenAndStaleTokenRetired(string engine)
    {
        var (host, key) = await StartAsync(engine);
        await using var _ = host;
        using var __ = key;
        host.Peer.Answer = (r, _) => Fcm(r, key, host.Peer.BaseUrl, new HashSet<string> { "stale-token" });
        var profile = await host.CustomerAsync("p-1", new { first_name = "Hana" });
        var devices = host.Get<DeviceStore>();
        await devices.RegisterAsync(host.Ws, profile, "phone-token", "ios", revive: true, Ct);
        await devices.RegisterAsync(host.Ws, profile, "stale-token", "android", revive: true, Ct);
        var template = await host.TemplateAsync(MessageChannel.Push, "{{ data.count }} new picks for you", "Hi {{ customer.first_name }}",
            new ChannelFields(DeepLink: "shop://picks", Data: new Dictionary<string, string> { ["screen"] = "picks" }));

        var first = (await host.SendAsync(template, "p-1", data: new { count = 3 })).Message!;
        await host.WaitForAsync(first.Id, OutboxState.Sent);
        var second = (await host.SendAsync(template, "p-1", data: new { count = 4 })).Message!;
        await host.WaitForAsync(second.Id, OutboxState.Sent);

        Assert.Single(host.Peer.Requests, r => r.Path == "/token");   // the token is kept
        var sends = host.Peer.Requests.Where(r => r.Path.EndsWith(":send", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!["message"]!).ToList();
        Assert.Equal(3, sends.Count);   // both devices, then only the one still in use
        var message = sends.First(m => (string?)m["token"] == "phone-token");
        Assert.Equal("Hi Hana", (string?)message["notification"]!["title"]);
        Assert.Equal("3 new picks for you", (string?)message["notification"]!["body"]);
        Assert.Equal("shop://picks", (string?)message["data"]!["deep_link"]);
        Assert.Equal("picks", (string?)message["data"]!["screen"]);
        Assert.Equal($"kz-{host.Ws}-{first.Id}", (string?)message["data"]!["kizuna_message_id"]);
        var stale = (await devices.ListAsync(host.Ws, profile, Ct)).Single(d => d.Token == "stale-token");
        Assert.Equal("UNREGISTERED", stale.RetiredReason);
    }

    [Fact]
    public async Task Send_EveryTokenUnregistered_FailsAndTheDeviceIsRetired()
    {
        var (host, key) = await StartAsync("sqlite");
        await using var _ = host;
        using var __ = key;
        host.Peer.Answer = (r, _) => Fcm(r, key, host.Peer.BaseUrl, new HashSet<string> { "old" });
        var profile = await host.CustomerAsync("p-2", new { first_name = "Ken" });
        await host.Get<DeviceStore>().RegisterAsync(host.Ws, profile, "old", null, revive: true, Ct);
        var template = await host.TemplateAsync(MessageChannel.Push, "Body", "Title");

        var queued = (await host.SendAsync(template, "p-2")).Message!;
        var failed = await host.WaitForAsync(queued.Id, OutboxState.Failed);

        Assert.Contains("unregistered", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(await host.Get<DeviceStore>().ActiveTokensAsync(host.Ws, profile, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Identify_WithContextDeviceToken_RegistersTheDevice(string engine)
    {
        var (host, key) = await StartAsync(engine);
        await using var _ = host;
        using var __ = key;
        // The node's own consumer reads the identify from the change feed (another worker would only find its lease
        // taken); a consumer seen for the first time starts at the feed's end, so the identify comes once it holds its cursor.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await host.Host.Core.CountAsync("SELECT count(*) FROM change_cursors WHERE consumer = 'push-devices'") == 0 && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20, Ct);
        }

        var profile = await host.CustomerAsync("p-3", new { first_name = "Aki" }, """{"token":"fcm-abc","type":"android","model":"Pixel 9"}""");
        IReadOnlyList<PushDevice> found;
        while ((found = await host.Get<DeviceStore>().ListAsync(host.Ws, profile, Ct)).Count == 0 && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20, Ct);
        }

        var device = Assert.Single(found);
        Assert.Equal(("fcm-abc", "android", null), (device.Token, device.Platform, device.RetiredAt));
    }

    [Fact]
    public async Task ConnectionTest_TokenUriTakesTheAssertion_Ok_AndARefusalIsReportedNotThrown()
    {
        var (host, key) = await StartAsync("sqlite");
        await using var _ = host;
        using var stranger = RSA.Create(2048);
        var test = host.Get<ChannelChecks.PushConnectionTest>();

        host.Peer.Answer = (request, _) => Fcm(request, key, host.Peer.BaseUrl, new HashSet<string>());
        var accepted = await test.RunAsync(Ct);
        host.Peer.Answer = (request, _) => Fcm(request, stranger, host.Peer.BaseUrl, new HashSet<string>());
        var refused = await test.RunAsync(Ct);

        Assert.True(accepted.Ok, accepted.Detail);
        Assert.Equal("Signed in as kizuna@shop-app.iam.gserviceaccount.com for project shop-app.", accepted.Detail);
        Assert.False(refused.Ok);
        Assert.Equal("The token URI answered 400.", refused.Detail);
        Assert.Equal(["/token", "/token"], host.Peer.Requests.Select(r => r.Path));   // nothing sent to a device
    }
}
