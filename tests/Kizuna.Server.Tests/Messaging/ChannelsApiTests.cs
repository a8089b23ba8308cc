using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Profiles;
using Kizuna.Server.Templates;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Messaging;

/// <summary>SMS, push and webhook templates, sends, receipts and catchers through the real server, as the demo runs them.</summary>
public sealed class ChannelsApiTests
{
    private static readonly Dictionary<string, string?> Demo = new()
    {
        ["Messaging:Email:UseCatcher"] = "true",
        ["Messaging:Email:CatcherPort"] = "0",
        ["Messaging:Sms:UseCatcher"] = "true",
        ["Messaging:Sms:AccountSid"] = "AC9",
        ["Messaging:Sms:AuthToken"] = "receipt-secret",
        ["Messaging:Sms:From"] = "+15005550006",
        ["Messaging:Sms:DefaultRegion"] = "JP",
        ["Messaging:Push:UseCatcher"] = "true",
        ["Messaging:Webhook:UseCatcher"] = "true",
        ["Messaging:PublicUrl"] = "https://kizuna.example.com",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Sms_SentToTheCatcherThenSignedReceipt_DeliveredAndShown(string engine)
    {
        await using var app = new KizunaApplication(engine, Demo);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.MessagesSend, Scopes.MessagesRead, Scopes.TemplatesRead, Scopes.TemplatesWrite], Ct));
        await MessagingApi.IdentifyAsync(app, workspace.Id, "u-1", new { phone = "080-1234-5678" });
        var created = await client.PostAsJsonAsync("/api/templates", new { name = "shipped", channel = "sms", body = "ご注文 {{ data.order }} を発送しました" }, Ct);
        var template = (await created.Content.ReadFromJsonAsync<TemplateResponse>(Ct))!;
        Assert.Equal((HttpStatusCode.Created, "sms"), (created.StatusCode, template.Channel));

        var sent = await client.PostAsJsonAsync("/api/messages", new { templateId = template.Id, to = new { userId = "u-1" }, data = new { order = "A-7" } }, Ct);
        var queued = (await sent.Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await MessagingApi.WaitForStateAsync(client, queued.Id, "sent");

        var caught = (await client.GetFromJsonAsync<CaughtRequestsResponse>("/api/messages/caught/sms", Ct))!;
        var text = Assert.Single(caught.Requests);
        Assert.True(caught.Catching);
        Assert.Equal($"kz-{workspace.Id}-{queued.Id}", text.DeliveryId);
        Assert.Contains("To=%2B818012345678", text.Body, StringComparison.Ordinal);

        var callback = SmsChannel.StatusCallbackUrl("https://kizuna.example.com", text.DeliveryId!);
        var fields = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered", ["AccountSid"] = "AC9" };
        using var anonymous = app.CreateClient();
        var forged = await anonymous.SendAsync(Receipt(callback, fields, "bm90IGEgc2lnbmF0dXJl"), Ct);
        var receipt = await anonymous.SendAsync(Receipt(callback, fields, TwilioSignature.Compute("receipt-secret", callback, fields)), Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NoContent), (forged.StatusCode, receipt.StatusCode));
        var delivered = await MessagingApi.WaitForStateAsync(client, queued.Id, "delivered");
        Assert.Equal(["queued", "sending", "sent", "delivered"], delivered.History!.Select(h => h.State));
    }

    [Fact]
    public async Task Templates_ChannelRulesBroken_AnswerBadRequestNamingTheField()
    {
        await using var app = new KizunaApplication(settings: Demo);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite], Ct));

        async Task<string> FieldOfAsync(object body)
        {
            var response = await client.PostAsJsonAsync("/api/templates", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Assert.Single((await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);
        }

        Assert.Equal("subject", await FieldOfAsync(new { name = "a", channel = "sms", body = "Hi", subject = "No" }));
        Assert.Equal("fields.url", await FieldOfAsync(new { name = "b", channel = "webhook", body = "{}", fields = new { method = "POST" } }));
        Assert.Equal("fields.method", await FieldOfAsync(new { name = "c", channel = "webhook", body = "{}", fields = new { method = "FETCH", url = "https://x.example" } }));
        Assert.Equal("subject", await FieldOfAsync(new { name = "d", channel = "push", body = "Body" }));
        Assert.Equal("channel", await FieldOfAsync(new { name = "e", channel = "fax", body = "Hi" }));
        Assert.Equal("fields.imageUrl", await FieldOfAsync(new { name = "f", channel = "push", subject = "T", body = "B", fields = new { imageUrl = "ftp://x" } }));

        var push = await client.PostAsJsonAsync("/api/templates", new { name = "g", channel = "push", subject = "Hi {{ customer.first_name }}", body = "New picks", fields = new { deepLink = "shop://picks" } }, Ct);
        var saved = (await push.Content.ReadFromJsonAsync<TemplateResponse>(Ct))!;
        Assert.Equal(("push", "shop://picks"), (saved.Channel, saved.Fields!.Value.GetProperty("deepLink").GetString()));
    }

    [Fact]
    public async Task Push_ToARegisteredDevice_CaughtInFcmShape()
    {
        await using var app = new KizunaApplication(settings: Demo);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.MessagesSend, Scopes.MessagesRead, Scopes.TemplatesWrite, Scopes.TemplatesRead, Scopes.ProfilesWrite, Scopes.ProfilesRead], Ct));
        await MessagingApi.IdentifyAsync(app, workspace.Id, "u-2", new { first_name = "Ken" });
        var profile = (await app.Service<ProfileService>().ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-2"), Ct))!.Value;

        var empty = await client.PostAsJsonAsync($"/api/profiles/{profile}/devices", new { token = "" }, Ct);
        var registered = await client.PostAsJsonAsync($"/api/profiles/{profile}/devices", new { token = "fcm-1", platform = "ios" }, Ct);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (empty.StatusCode, registered.StatusCode));
        Assert.Equal("fcm-1", Assert.Single((await registered.Content.ReadFromJsonAsync<List<PushDeviceResponse>>(Ct))!).Token);
        var template = (await (await client.PostAsJsonAsync("/api/templates", new { name = "p", channel = "push", subject = "Hi {{ customer.first_name }}", body = "Picks" }, Ct)).Content.ReadFromJsonAsync<TemplateResponse>(Ct))!;

        var queued = (await (await client.PostAsJsonAsync("/api/messages", new { templateId = template.Id, to = new { userId = "u-2" } }, Ct)).Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        await MessagingApi.WaitForStateAsync(client, queued.Id, "sent");

        var push = Assert.Single((await client.GetFromJsonAsync<CaughtRequestsResponse>("/api/messages/caught/push", Ct))!.Requests);
        var message = JsonDocument.Parse(push.Body).RootElement.GetProperty("message");
        Assert.Equal(("fcm-1", "Hi Ken"), (message.GetProperty("token").GetString(), message.GetProperty("notification").GetProperty("title").GetString()));
        Assert.EndsWith("/v1/projects/demo/messages:send", push.Url, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Receipt(string url, Dictionary<string, string> fields, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url).PathAndQuery) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.Header, signature);
        return request;
    }
}
