using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kizuna.Workspaces;

namespace Kizuna.Server.Messaging;

/// <summary>
/// What the messaging pages stand on, through the real server and its SMTP catcher: test sends, the message log with
/// each message's events, an email's own preheader and text part, and the web view behind <c>{{ web_view_url }}</c>.
/// </summary>
public sealed partial class MessageDashboardApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task TestSend_UnderAFrequencyCap_SendsTheChosenVersionAndNeitherCountsNorRecordsAnEvent(string engine)
    {
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.MessagesSend, Scopes.MessagesRead, Scopes.MessagingManage], Ct));
        await MessagingApi.IdentifyAsync(app, workspace.Id, "td-1", new { email = "aoi@example.com", first_name = "Aoi" });
        (await client.PutAsJsonAsync("/api/messaging/settings", new { frequencyCaps = new[] { new { channel = "email", limit = 1, window = "P7D", action = "skip" } } }, Ct)).EnsureSuccessStatusCode();
        var id = await CreateAsync(client, new { name = "td-news", body = "<p>First, {{ customer.first_name }}</p>", subject = "Version one" });
        (await client.PutAsJsonAsync($"/api/templates/{id}", new { body = "<p>Second</p>", subject = "Version two" }, Ct)).EnsureSuccessStatusCode();

        var test = await client.PostAsJsonAsync($"/api/templates/{id}/test", new { version = 1, to = new { userId = "td-1" } }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        var queued = (await test.Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        Assert.Equal(("test", 1, true), (queued.Source, queued.TemplateVersion, queued.Transactional));
        await MessagingApi.WaitForStateAsync(client, queued.Id, "sent");

        // The cap of one marketing email a week is untouched by the test: the campaign-like send still goes.
        var marketing = await client.PostAsJsonAsync("/api/messages", new { templateId = id, to = new { userId = "td-1" }, transactional = false }, Ct);
        var real = (await marketing.Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        await MessagingApi.WaitForStateAsync(client, real.Id, "sent");

        var caught = (await client.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages;
        Assert.Equal(["Version two", "Version one"], caught.Select(m => m.Subject));
        Assert.Contains("First, Aoi", caught[1].Html, StringComparison.Ordinal);
        await WaitForEventAsync(client, real.Id, "Email Sent");
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/messages/{queued.Id}/events", Ct))!);
    }

    [Theory]
    [InlineData("""{"to":{"userId":"a","email":"b@example.com"}}""", "to", HttpStatusCode.BadRequest)]
    [InlineData("""{"version":0,"to":{"email":"b@example.com"}}""", "version", HttpStatusCode.BadRequest)]
    [InlineData("""{"version":9,"to":{"email":"b@example.com"}}""", "version", HttpStatusCode.NotFound)]
    [InlineData("""{"to":{"userId":"nobody"}}""", "to", HttpStatusCode.NotFound)]
    [InlineData("""{"to":{"email":"not an address"}}""", "to", HttpStatusCode.BadRequest)]
    public async Task TestSend_BadInput_Answers4xxNamingTheField(string body, string field, HttpStatusCode status)
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.MessagesSend], Ct));
        var id = await CreateAsync(client, new { name = "td-bad", body = "<p>Hi</p>", subject = "Hi" });

        var response = await client.PostAsync($"/api/templates/{id}/test", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(status == HttpStatusCode.NotFound ? $"\"field\":\"{field}\"" : $"\"{field}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task List_ByTemplateStateAndSource_CountsWhatTheOutboxHolds(string engine)
    {
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.MessagesSend, Scopes.MessagesRead], Ct));
        var kept = await CreateAsync(client, new { name = "td-log-a", body = "<p>A</p>", subject = "A" });
        var other = await CreateAsync(client, new { name = "td-log-b", body = "<p>B</p>", subject = "B" });
        var ids = new List<long>();
        foreach (var (template, to) in new[] { (kept, "one@example.com"), (kept, "two@example.com"), (kept, "three@example.com"), (other, "four@example.com") })
        {
            var response = await client.PostAsJsonAsync("/api/messages", new { templateId = template, to = new { email = to } }, Ct);
            ids.Add((await response.Content.ReadFromJsonAsync<MessageResponse>(Ct))!.Id);
        }

        foreach (var id in ids)
        {
            await MessagingApi.WaitForStateAsync(client, id, "sent");
        }

        var page = (await client.GetFromJsonAsync<MessageLogResponse>($"/api/messages?templateId={kept}&channel=email&limit=2", Ct))!;
        var rest = (await client.GetFromJsonAsync<MessageLogResponse>($"/api/messages?templateId={kept}&channel=email&limit=2&beforeId={page.NextBeforeId}", Ct))!;
        var none = (await client.GetFromJsonAsync<MessageLogResponse>($"/api/messages?templateId={kept}&state=failed", Ct))!;

        Assert.Equal([ids[2], ids[1]], page.Items.Select(m => m.Id));
        Assert.Equal([ids[0]], rest.Items.Select(m => m.Id));
        Assert.Null(rest.NextBeforeId);
        Assert.Equal(3, page.States["sent"]);
        Assert.Empty(none.Items);
        Assert.Equal(3, none.States["sent"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/messages?state=lost", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/messages?channel=fax", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task WebView_OfASentEmail_ShowsItRenderedForItsRecipientWithoutSigningIn(string engine)
    {
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.MessagesSend, Scopes.MessagesRead], Ct));
        await MessagingApi.IdentifyAsync(app, workspace.Id, "td-wv", new { email = "ren@example.com", first_name = "Ren" });
        var id = await CreateAsync(client, new
        {
            name = "td-webview",
            subject = "Your order",
            body = "<html><body><p>Order {{ data.order }} for {{ customer.first_name }}</p><a href=\"{{ web_view_url }}\">View in a browser</a></body></html>",
            fields = new { preheader = "It ships today", text = "Order {{ data.order }} ships today." },
        });
        var saved = (await client.GetFromJsonAsync<JsonObject>($"/api/templates/{id}", Ct))!;
        Assert.Equal("It ships today", saved["fields"]!["preheader"]!.GetValue<string>());

        var response = await client.PostAsJsonAsync("/api/messages", new { templateId = id, to = new { userId = "td-wv" }, data = new { order = "W-9" } }, Ct);
        var queued = (await response.Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        await MessagingApi.WaitForStateAsync(client, queued.Id, "sent");
        var mail = Assert.Single((await client.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages);
        Assert.Equal("Order W-9 ships today.", mail.Text!.Trim());
        Assert.Contains("It ships today</div>", mail.Html, StringComparison.Ordinal);
        var link = new Uri(WebViewLink().Match(mail.Html!).Value);

        using var anonymous = app.CreateClient();
        var page = await anonymous.GetAsync(link.PathAndQuery, Ct);
        var altered = await anonymous.GetAsync(link.PathAndQuery[..^3] + "AAA", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<p>Order W-9 for Ren</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/m/o/", html, StringComparison.Ordinal);   // reading it in a browser is no open
        Assert.StartsWith("sandbox", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.DoesNotContain("Ren", await altered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailConnectionTest_TheCatcherAnswersAndAClosedPortDoesNot()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var app = new KizunaApplication(settings: MessagingApi.Catcher);
        await using var closed = new KizunaApplication(settings: new Dictionary<string, string?>
        {
            ["Messaging:Email:Host"] = "127.0.0.1",
            ["Messaging:Email:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:Email:Security"] = "None",
            ["Messaging:Email:Timeout"] = "00:00:05",
        });
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync((await app.CreateWorkspaceAsync(Ct)).Id, [Scopes.MessagingManage], Ct));
        using var closedClient = closed.CreateAdminClient(await closed.CreateSecretKeyAsync((await closed.CreateWorkspaceAsync(Ct)).Id, [Scopes.MessagingManage], Ct));

        var answered = (await (await client.PostAsync("/api/messaging/channels/email/test", null, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var refused = (await (await closedClient.PostAsync("/api/messaging/channels/email/test", null, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.True(answered["ok"]!.GetValue<bool>());
        Assert.Equal("127.0.0.1", answered["host"]!.GetValue<string>());
        Assert.NotEmpty(answered["capabilities"]!.AsArray());
        Assert.False(refused["ok"]!.GetValue<bool>());
        Assert.Equal(closedPort, refused["port"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(refused["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SmsAndPushConnectionTests_AnswerWhatIsMissing_AndTheDemoCatchersAnswer()
    {
        await using var bare = new KizunaApplication();
        await using var demo = new KizunaApplication(settings: new Dictionary<string, string?>
        {
            ["Messaging:Sms:UseCatcher"] = "true",
            ["Messaging:Push:UseCatcher"] = "true",
        });
        using var bareClient = bare.CreateAdminClient(await bare.CreateSecretKeyAsync((await bare.CreateWorkspaceAsync(Ct)).Id, [Scopes.MessagingManage], Ct));
        using var demoClient = demo.CreateAdminClient(await demo.CreateSecretKeyAsync((await demo.CreateWorkspaceAsync(Ct)).Id, [Scopes.MessagingManage], Ct));

        async Task<ConnectionTestResponse> TestAsync(HttpClient client, string channel)
        {
            var response = await client.PostAsync($"/api/messaging/channels/{channel}/test", null, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<ConnectionTestResponse>(Ct))!;
        }

        var sms = await TestAsync(bareClient, "sms");
        var push = await TestAsync(bareClient, "push");

        Assert.Equal((false, "SMS is not configured: set Messaging:Sms:AccountSid and Messaging:Sms:AuthToken."), (sms.Ok, sms.Detail));
        Assert.Equal((false, "Messaging:Push:ServiceAccountPath or Messaging:Push:ServiceAccountJson is required."), (push.Ok, push.Detail));
        Assert.True((await TestAsync(demoClient, "sms")).Ok);
        Assert.True((await TestAsync(demoClient, "push")).Ok);
    }

    [GeneratedRegex("https://kizuna\\.example\\.com/m/view/[A-Za-z0-9_-]+")]
    private static partial Regex WebViewLink();

    private static async Task<long> CreateAsync(HttpClient client, object template)
    {
        var response = await client.PostAsJsonAsync("/api/templates", template, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<long>();
    }

    private static async Task WaitForEventAsync(HttpClient client, long messageId, string name)
    {
        for (var tries = 0; ; tries++)
        {
            var events = (await client.GetFromJsonAsync<JsonArray>($"/api/messages/{messageId}/events", Ct))!;
            if (events.Any(e => e!["name"]!.GetValue<string>() == name) || tries == 1500)
            {
                Assert.Contains(events, e => e!["name"]!.GetValue<string>() == name);
                return;
            }

            await Task.Delay(20, Ct);
        }
    }
}
