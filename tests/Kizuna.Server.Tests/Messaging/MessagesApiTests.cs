using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Messaging;

/// <summary>The transactional API through the real server, its email caught by the SMTP catcher inside it.</summary>
public sealed class MessagesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Send_WithAnIdempotencyKey_SendsOnceAndTheCatcherShowsIt(string engine)
    {
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.MessagesSend, Scopes.MessagesRead], Ct));
        await IdentifyAsync(app, workspace.Id, "u-100", "yui@example.com");
        var template = await TemplateAsync(app, workspace.Id, "<p>Order {{ data.order }} ships today, {{ customer.first_name }}.</p>", "Your order {{ data.order }}");

        var first = await client.SendAsync(Send(template.Id, """{"userId":"u-100"}""", """{"order":"A-7"}""", key: "order-A-7"), Ct);
        var again = await client.SendAsync(Send(template.Id, """{"userId":"u-100"}""", """{"order":"A-7"}""", key: "order-A-7"), Ct);
        var queued = await first.Content.ReadFromJsonAsync<MessageResponse>(Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal($"/api/messages/{queued!.Id}", first.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(queued.Id, (await again.Content.ReadFromJsonAsync<MessageResponse>(Ct))!.Id);

        var sent = await MessagingApi.WaitForStateAsync(client, queued.Id, "sent");
        Assert.Equal(["queued", "sending", "sent"], sent.History!.Select(h => h.State));
        var caught = await client.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct);
        var mail = Assert.Single(caught!.Messages);
        Assert.True(caught.Enabled);
        Assert.Equal(("Your order A-7", $"kz.{workspace.Id}.{queued.Id}@example.com", "List-Unsubscribe=One-Click"), (mail.Subject, mail.MessageId, mail.ListUnsubscribePost));
        Assert.Equal(["yui@example.com"], mail.RcptTo);
        Assert.StartsWith("<https://kizuna.example.com/m/unsubscribe/", mail.ListUnsubscribe, StringComparison.Ordinal);
        Assert.Contains("Order A-7 ships today, Yui.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caught_OfAnotherWorkspace_IsNotShown()
    {
        await using var app = new KizunaApplication(settings: MessagingApi.Catcher);
        var mine = await app.CreateWorkspaceAsync(Ct);
        var other = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(mine.Id, [Scopes.MessagesSend, Scopes.MessagesRead], Ct));
        using var otherClient = app.CreateAdminClient(await app.CreateSecretKeyAsync(other.Id, [Scopes.MessagesRead], Ct));
        var template = await TemplateAsync(app, mine.Id, "<p>Hi</p>", "Hi");

        var response = await client.SendAsync(Send(template.Id, """{"email":"walk-in@example.com"}"""), Ct);
        var queued = await response.Content.ReadFromJsonAsync<MessageResponse>(Ct);
        await MessagingApi.WaitForStateAsync(client, queued!.Id, "sent");

        Assert.Single((await client.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages);
        Assert.Empty((await otherClient.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/messages/{queued.Id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"to":{"userId":"u"}}""", "templateId", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":TEMPLATE}""", "to", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":TEMPLATE,"to":{"userId":"u","email":"a@b.c"}}""", "to", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":TEMPLATE,"to":{"email":"not an address"}}""", "to", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":TEMPLATE,"to":{"email":"a@example.com"},"email":"x@@y"}""", "email", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":TEMPLATE,"to":{"email":"a@example.com"},"data":[1]}""", "data", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":TEMPLATE,"to":{"email":"a@example.com"},"idempotencyKey":""}""", "idempotencyKey", HttpStatusCode.BadRequest)]
    [InlineData("""{"templateId":999999,"to":{"email":"a@example.com"}}""", "templateId", HttpStatusCode.NotFound)]
    [InlineData("""{"templateId":TEMPLATE,"to":{"userId":"nobody"}}""", "to", HttpStatusCode.NotFound)]
    [InlineData("""{"templateId":"seven","to":{"userId":"u"}}""", "templateId", HttpStatusCode.BadRequest)]
    public async Task Send_BadInput_Answers4xxNamingTheField(string body, string field, HttpStatusCode status)
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.MessagesSend], Ct));
        var template = await TemplateAsync(app, workspace.Id, "<p>Hi</p>", "Hi");

        var response = await client.PostAsync("/api/messages", new StringContent(body.Replace("TEMPLATE", template.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(status, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(status == HttpStatusCode.NotFound ? $"\"field\":\"{field}\"" : $"\"{field}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ProfileWithAnAddressToAnotherAddress_Answers400AndQueuesNothing()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.MessagesSend], Ct));
        await IdentifyAsync(app, workspace.Id, "u-200", "yui@example.com");
        var template = await TemplateAsync(app, workspace.Id, "<p>{{ customer.first_name }}</p>", "Hi");

        var other = await client.PostAsync("/api/messages", new StringContent(
            $$"""{"templateId":{{template.Id}},"to":{"userId":"u-200"},"email":"someone-else@example.com"}""", Encoding.UTF8, "application/json"), Ct);
        var same = await client.PostAsync("/api/messages", new StringContent(
            $$"""{"templateId":{{template.Id}},"to":{"userId":"u-200"},"email":"YUI@example.com"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("\"email\"", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
    }

    [Fact]
    public async Task Send_HeaderAndBodyKeysDiffer_Answers400()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.MessagesSend], Ct));
        var template = await TemplateAsync(app, workspace.Id, "<p>Hi</p>", "Hi");
        using var request = Send(template.Id, """{"email":"a@example.com"}""", key: "one");
        request.Content = new StringContent($$"""{"templateId":{{template.Id}},"to":{"email":"a@example.com"},"idempotencyKey":"two"}""", Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("idempotencyKey", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);
    }

    [Fact]
    public async Task Preview_ForData_GivesTheInlinedEmailWithPlaceholderLinks()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead], Ct));
        var template = await TemplateAsync(app, workspace.Id, "<style>b { color: red }</style><p><b>{{ name }}</b> <a href=\"{{ unsubscribe_url }}\">Stop</a></p>", "For {{ name }}");

        var response = await client.PostAsJsonAsync("/api/messages/preview", new EmailPreviewRequest(template.Id, Data: JsonSerializer.SerializeToElement(new { name = "Sora" })), Ct);
        var preview = await response.Content.ReadFromJsonAsync<EmailPreviewResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("For Sora", preview!.Subject);
        Assert.Contains("<b style=\"color: red\">Sora</b>", preview.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#preview-unsubscribe\">Stop</a>", preview.Html, StringComparison.Ordinal);
        Assert.Equal("Sora Stop\n", preview.Text);
    }

    private static HttpRequestMessage Send(long templateId, string to, string? data = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent($$"""{"templateId":{{templateId}},"to":{{to}}{{(data is null ? "" : ",\"data\":" + data)}}}""", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static Task IdentifyAsync(KizunaApplication app, long workspaceId, string userId, string email) =>
        MessagingApi.IdentifyAsync(app, workspaceId, userId, new { email, first_name = "Yui" });

    private static async Task<StoredTemplate> TemplateAsync(KizunaApplication app, long workspaceId, string body, string subject) =>
        (await app.Service<TemplateLibrary>().CreateAsync(workspaceId, TemplateKind.Template, $"t{Guid.NewGuid():N}"[..16], new TemplateDraft(body, subject), "test", Ct)).Template!;
}
