using System.Net.Http.Json;
using Kizuna.Messaging.Channels.InApp;
using Kizuna.Profiles;
using Kizuna.Server.Templates;
using Kizuna.Workspaces;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>A server with a workspace, an admin client, a write key and the identity secret: what every in-app API test starts from.</summary>
internal sealed class InAppServer : IAsyncDisposable
{
    private InAppServer(KizunaApplication app, Workspace workspace, HttpClient admin, string writeKey, string secret)
    {
        App = app;
        Workspace = workspace;
        Admin = admin;
        WriteKey = writeKey;
        Secret = secret;
    }

    public KizunaApplication App { get; }

    public Workspace Workspace { get; }

    public HttpClient Admin { get; }

    public string WriteKey { get; }

    public string Secret { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<InAppServer> StartAsync(string engine = "sqlite")
    {
        var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var admin = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id,
            [Scopes.MessagesSend, Scopes.MessagesRead, Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.MessagingManage], Ct));
        var secret = (await admin.GetFromJsonAsync<IdentityVerificationResponse>("/api/messaging/identity-verification", Ct))!.Secret;
        return new InAppServer(app, workspace, admin, await app.CreateWriteKeyAsync(workspace.Id, Ct), secret);
    }

    /// <summary>A customer known to Kizuna; their profile id.</summary>
    public async Task<long> CustomerAsync(string userId, string firstName)
    {
        await MessagingApi.IdentifyAsync(App, Workspace.Id, userId, new { first_name = firstName });
        return (await App.Service<ProfileService>().ResolveAsync(Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct))!.Value;
    }

    /// <summary>A client of the client API as <paramref name="userId"/>, with the hash the customer's server would compute (or <paramref name="hash"/>).</summary>
    public HttpClient Client(string userId, string? hash = null, string? key = null)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Kizuna-Write-Key", key ?? WriteKey);
        client.DefaultRequestHeaders.Add("X-Kizuna-User-Id", userId);
        client.DefaultRequestHeaders.Add("X-Kizuna-User-Hash", hash ?? IdentitySecrets.ComputeHex(Secret, userId));
        return client;
    }

    public async Task<long> TemplateAsync(object template)
    {
        var created = await Admin.PostAsJsonAsync("/api/templates", template, Ct);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<TemplateResponse>(Ct))!.Id;
    }

    /// <summary>Sends the template to the customer through <c>POST /api/messages</c> and waits until it is delivered; the message's id.</summary>
    public async Task<long> SendAsync(long templateId, string userId)
    {
        var sent = await Admin.PostAsJsonAsync("/api/messages", new { templateId, to = new { userId } }, Ct);
        sent.EnsureSuccessStatusCode();
        var queued = (await sent.Content.ReadFromJsonAsync<MessageResponse>(Ct))!;
        await MessagingApi.WaitForStateAsync(Admin, queued.Id, "sent");
        return queued.Id;
    }

    public async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(long profileId) =>
        await App.Service<ProfileService>().TimelineAsync(Workspace.Id, profileId, null, 50, Ct);

    public async Task RotateAsync(int? keepPreviousHours = null)
    {
        var rotated = await Admin.PostAsync($"/api/messaging/identity-verification/rotate?keepPreviousHours={keepPreviousHours ?? 24}", null, Ct);
        Secret = (await rotated.Content.ReadFromJsonAsync<IdentityVerificationResponse>(Ct))!.Secret;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
    }
}
