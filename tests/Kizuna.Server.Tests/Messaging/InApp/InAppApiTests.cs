using System.Net;
using System.Net.Http.Json;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>In-app messages and content cards through the real server: sent by the API, fetched by the customer's page as that customer, events written back.</summary>
public sealed class InAppApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Modal => new
    {
        name = "welcome",
        channel = "in_app",
        subject = "Welcome, {{ customer.first_name }}!",
        body = "10% off today.",
        fields = new { layout = "modal", buttons = new object[] { new { label = "Shop now", action = "url", url = "https://shop.example.com/" }, new { label = "Later", action = "close" } } },
    };

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task ClientApi_ItemsOfTheCustomer_ListedRenderedAndInOrder(string engine)
    {
        await using var server = await InAppServer.StartAsync(engine);
        await server.CustomerAsync("u-1", "Hana");
        var modal = await server.SendAsync(await server.TemplateAsync(Modal), "u-1");
        var plain = await server.SendAsync(await server.TemplateAsync(new { name = "plain", channel = "content_card", subject = "Points", body = "Double points" }), "u-1");
        var pinned = await server.SendAsync(await server.TemplateAsync(new
        {
            name = "pinned",
            channel = "content_card",
            subject = "Harvest",
            body = "New tea, {{ customer.first_name }}",
            fields = new { pinned = true, link = "https://shop.example.com/tea", expiresAfter = "P7D" },
        }), "u-1");
        using var client = server.Client("u-1");

        var messages = (await client.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/in-app", Ct))!;
        var cards = (await client.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/cards", Ct))!;

        var message = Assert.Single(messages);
        Assert.Equal((modal.ToString(System.Globalization.CultureInfo.InvariantCulture), "modal", "Welcome, Hana!"), (message.Id, message.Layout, message.Header));
        Assert.Equal([("Shop now", "url", "https://shop.example.com/"), ("Later", "close", null)], message.Buttons!.Select(b => (b.Label, b.Action, b.Url)));
        Assert.Equal([pinned, plain], cards.Select(c => long.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture)));   // pinned first, though older
        Assert.Equal(("Harvest", "New tea, Hana", true), (cards[0].Title, cards[0].Text, cards[0].Pinned));
        Assert.Equal(cards[0].DeliveredAt.AddDays(7), cards[0].ExpiresAt);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task ClientApi_WrongHashOrKey_Unauthorized_AndAnotherCustomersItem_NotFound(string engine)
    {
        await using var server = await InAppServer.StartAsync(engine);
        await server.CustomerAsync("u-1", "Hana");
        await server.CustomerAsync("u-2", "Ren");
        var modal = await server.SendAsync(await server.TemplateAsync(Modal), "u-1");
        var secretKey = await server.App.CreateSecretKeyAsync(server.Workspace.Id, [Kizuna.Workspaces.Scopes.MessagesRead], Ct);

        using var wrongHash = server.Client("u-1", hash: new string('0', 64));
        using var othersHash = server.Client("u-1", hash: Kizuna.Messaging.Channels.InApp.IdentitySecrets.ComputeHex(server.Secret, "u-2"));
        using var withSecretKey = server.Client("u-1", key: secretKey);
        using var bare = server.App.CreateClient();
        using var other = server.Client("u-2");
        foreach (var refused in new[] { wrongHash, othersHash, withSecretKey, bare })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await refused.GetAsync("/client/v1/in-app", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await refused.PostAsync($"/client/v1/items/{modal}/click", null, Ct)).StatusCode);
        }

        Assert.Empty((await other.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/in-app", Ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/client/v1/items/{modal}/click", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/client/v1/items/{modal}/dismiss", null, Ct)).StatusCode);

        using var beforeRotation = server.Client("u-1");
        await server.RotateAsync();
        using var fresh = server.Client("u-1");
        Assert.Single((await beforeRotation.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/in-app", Ct))!);   // still inside the overlap
        Assert.Single((await fresh.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/in-app", Ct))!);
        await server.RotateAsync(keepPreviousHours: 0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/client/v1/in-app", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Admin.PostAsync("/api/messaging/identity-verification/rotate?keepPreviousHours=169", null, Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Events_RecordedTwice_AreOneEventEach_AndTheItemLeavesItsList(string engine)
    {
        await using var server = await InAppServer.StartAsync(engine);
        var profile = await server.CustomerAsync("u-1", "Hana");
        var modal = await server.SendAsync(await server.TemplateAsync(Modal), "u-1");
        var card = await server.SendAsync(await server.TemplateAsync(new { name = "card", channel = "content_card", subject = "Points", body = "Double points" }), "u-1");
        using var client = server.Client("u-1");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/client/v1/items/{modal}/impression", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/client/v1/items/{modal}/click?button=0", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/client/v1/items/{card}/impression", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/client/v1/items/{card}/dismiss", null, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/client/v1/items/{modal}/click?button=5", null, Ct)).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/in-app", Ct))!);
        Assert.Empty((await client.GetFromJsonAsync<InAppItemResponse[]>("/client/v1/cards", Ct))!);
        var timeline = await server.TimelineAsync(profile);
        Assert.Single(timeline, e => e.Name == "In-App Message Viewed");
        var clicked = Assert.Single(timeline, e => e.Name == "In-App Message Clicked");
        Assert.Single(timeline, e => e.Name == "Content Card Viewed");
        Assert.Single(timeline, e => e.Name == "Content Card Dismissed");
        Assert.Single(timeline, e => e.Name == "In-App Message Sent");
        Assert.Equal((modal, 0, "Shop now", "https://shop.example.com/"), (
            clicked.Properties!["message_id"]!.GetValue<long>(), clicked.Properties["button_index"]!.GetValue<int>(),
            clicked.Properties["button_label"]!.GetValue<string>(), clicked.Properties["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Stream_NewMessage_ArrivesLive()
    {
        await using var server = await InAppServer.StartAsync();
        await server.CustomerAsync("u-1", "Hana");
        var template = await server.TemplateAsync(Modal);
        using var client = server.Client("u-1");
        using var response = await client.GetAsync("/client/v1/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal("retry: 3000", await reader.ReadLineAsync(Ct));

        var sent = await server.SendAsync(template, "u-1");

        string? line;
        while ((line = await reader.ReadLineAsync(Ct)) is not null && line != "event: in_app")
        {
        }

        var data = await reader.ReadLineAsync(Ct);
        Assert.StartsWith("data: {\"id\":\"" + sent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"", data, StringComparison.Ordinal);
        Assert.Contains("\"header\":\"Welcome, Hana!\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientApi_Preflight_AllowsAnyOrigin_OnlyThere()
    {
        await using var server = await InAppServer.StartAsync();
        using var anonymous = server.App.CreateClient();

        HttpRequestMessage Preflight(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", "https://shop.example.com");
            request.Headers.Add("Access-Control-Request-Method", "GET");
            request.Headers.Add("Access-Control-Request-Headers", "x-kizuna-write-key,x-kizuna-user-id,x-kizuna-user-hash");
            return request;
        }

        var client = await anonymous.SendAsync(Preflight("/client/v1/in-app"), Ct);
        var admin = await anonymous.SendAsync(Preflight("/api/messages/1"), Ct);

        Assert.Equal("*", Assert.Single(client.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(admin.Headers.Contains("Access-Control-Allow-Origin"));
        var snippet = await anonymous.GetAsync("/sdk/kizuna-messages.js", Ct);
        Assert.Equal("text/javascript", snippet.Content.Headers.ContentType!.MediaType);
        Assert.Contains("KizunaMessages", await snippet.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAnAddressNoProfileHas_BadRequestNamingTo()
    {
        await using var server = await InAppServer.StartAsync();
        var template = await server.TemplateAsync(Modal);

        var sent = await server.Admin.PostAsJsonAsync("/api/messages", new { templateId = template, to = new { email = "nobody@example.com" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Contains("\"to\"", await sent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_InAppAndCardRulesBroken_AnswerBadRequestNamingTheField()
    {
        await using var server = await InAppServer.StartAsync();

        async Task<string> FieldOfAsync(object body)
        {
            var response = await server.Admin.PostAsJsonAsync("/api/templates", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Assert.Single((await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct))!.Errors.Keys);
        }

        Assert.Equal("fields.layout", await FieldOfAsync(new { name = "a", channel = "in_app", body = "Hi", fields = new { layout = "popover" } }));
        Assert.Equal("fields.buttons[0].action", await FieldOfAsync(new { name = "b", channel = "in_app", body = "Hi", fields = new { buttons = new[] { new { label = "Go", action = "jump" } } } }));
        Assert.Equal("fields.expiresAfter", await FieldOfAsync(new { name = "c", channel = "content_card", subject = "T", body = "Hi", fields = new { expiresAfter = "7 days" } }));
        Assert.Equal("subject", await FieldOfAsync(new { name = "d", channel = "content_card", body = "Hi" }));
    }
}
