using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// A real server with its SMTP catcher, one workspace, an admin client holding every scope and an anonymous client
/// (the customer's browser or mail provider, which follows no redirect), for the consent and tracking tests.
/// </summary>
public sealed partial class ConsentServer : IAsyncDisposable
{
    private ConsentServer(KizunaApplication app, Workspace workspace, HttpClient admin)
    {
        App = app;
        Workspace = workspace;
        Admin = admin;
        Anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public KizunaApplication App { get; }

    public Workspace Workspace { get; }

    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ConsentServer> StartAsync(string engine = "sqlite")
    {
        var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        return new ConsentServer(app, workspace, app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, Scopes.All, Ct)));
    }

    public async Task<long> CustomerAsync(string userId, string email, object? moreTraits = null)
    {
        var traits = JsonSerializer.SerializeToNode(new { email, first_name = "Yui" })!.AsObject();
        if (moreTraits is not null)
        {
            foreach (var (k, v) in JsonSerializer.SerializeToNode(moreTraits)!.AsObject())
            {
                traits[k] = v?.DeepClone();
            }
        }

        var now = DateTimeOffset.UtcNow;
        await App.Service<IngestionPipeline>().SubmitAsync(new IngestBatch(Workspace.Id, [new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString(), UserId = userId, TraitsJson = traits.ToJsonString(), Timestamp = now, ReceivedAt = now,
        }]), Ct);
        return (await App.Service<ProfileService>().ResolveAsync(Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct))!.Value;
    }

    public async Task<long> TemplateAsync(string body, string subject = "News for {{ customer.first_name }}") =>
        (await App.Service<TemplateLibrary>().CreateAsync(Workspace.Id, TemplateKind.Template, $"t{Guid.NewGuid():N}"[..16], new TemplateDraft(body, subject), "test", Ct)).Template!.Id;

    /// <summary>Sends through <c>POST /api/messages</c> and waits for the message to settle in <paramref name="state"/>.</summary>
    public async Task<MessageResponse> SendAsync(long templateId, string userId, string state, bool transactional = false, string? group = null)
    {
        var body = JsonSerializer.Serialize(new { templateId, to = new { userId }, transactional, subscriptionGroup = group });
        var response = await Admin.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        response.EnsureSuccessStatusCode();
        var queued = (await response.Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        for (var tries = 0; ; tries++)
        {
            var message = (await Admin.GetFromJsonAsync<MessageResponse>($"/api/messages/{queued.Id}", Ct))!;
            if (message.State == state || tries == 1500)
            {
                Assert.Equal(state, message.State);
                return message;
            }

            await Task.Delay(20, Ct);
        }
    }

    public async Task<CaughtMessageResponse> CaughtAsync(long messageId)
    {
        var caught = await Admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct);
        return Assert.Single(caught!.Messages, m => m.MessageId == $"kz.{Workspace.Id}.{messageId}@example.com");
    }

    /// <summary>The path of the first link to this server's <c>/m/{kind}/</c> pages in a text.</summary>
    public static string PathOf(string text, string kind) =>
        Link().Matches(text).Select(m => m.Groups["path"].Value).First(p => p.StartsWith($"/m/{kind}/", StringComparison.Ordinal));

    public async Task<ProfileSubscriptionsResponse> SubscriptionsAsync(long profileId) =>
        (await Admin.GetFromJsonAsync<ProfileSubscriptionsResponse>($"/api/profiles/{profileId}/subscriptions", Ct))!;

    public async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(long profileId) =>
        await App.Service<ProfileService>().TimelineAsync(Workspace.Id, profileId, null, 50, Ct);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await App.DisposeAsync();
    }

    [GeneratedRegex("https://kizuna\\.example\\.com(?<path>/m/[a-z]+/[A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
